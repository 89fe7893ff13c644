// Fixed test data (no randomness): valid and invalid NIK/KK numbers and a first-run office.
import { resolveListen } from '../../common/domain/network';
import type { HostInfo } from '../../main/platform/context';

/** Valid NIKs: 32 01 01 (Kab. Bogor area), born 15-01-1990 male / 55-01-1990 female (15 + 40). */
export const NIK_MALE = '3201011501900003';
export const NIK_FEMALE = '3201015501900004';
export const KK_VALID = '3201012003150007';

export const FIRST_RUN = {
  officeName: 'Dinas Kesehatan Kabupaten Musi Banyuasin',
  kabKota: 'Kabupaten Musi Banyuasin',
  address: 'Jl. Kolonel Wahid Udin No. 1, Sekayu',
  adminUsername: 'admin',
  adminFullName: 'Admin Kantor',
  adminPassword: 'rahasia-admin-1',
};

export const PASSWORD = 'rahasia-staf-1';

/**
 * How an in-process host (no listening server) describes itself to Admin → Jaringan: started
 * without flags on 127.0.0.1:4700, on a PC with one LAN address.
 */
export function inProcessHostInfo(): HostInfo {
  return {
    explicit: {},
    listen: resolveListen({}, { bindAddress: null, port: null }),
    boundPort: 4700,
    fallback: null,
    localAddresses: () => [
      { address: '192.168.1.10', interface: 'eth0' },
      { address: '127.0.0.1', interface: 'lo' },
    ],
    tls: null,
  };
}
