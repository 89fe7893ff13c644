// The contract's implementation: one use case per entry. The transports only call `dispatch`.
import type { z } from 'zod';
import { contract, type CallName, type CallOutput } from '../../common/contract/index';
import type { Ctx } from '../platform/context';
import { requireActor } from '../platform/context';
import { authenticate, firstRun, getOffice, login, logout } from '../features/auth/auth';
import { createDesk, createUser, listDesks, listUsers, revokeDesk, updateUser } from '../features/admin/admin';
import { listServices, saveService, setQueueSettings } from '../features/catalog/catalog';
import * as queue from '../features/queue/queue';
import { addNote, notes, petugasList } from '../features/queue/notes';
import { getCase, saveCase } from '../features/cases/cases';
import { displayState, statsToday } from '../features/stats/stats';
import { listPrinters, printTicket, setDevices, ticketPdfFile, ticketPrinter } from '../features/devices/printing';
import { networkSettings, saveNetwork } from '../features/network/network';

type Input<N extends CallName> = z.output<(typeof contract)[N]['input']>;
export type Handler<N extends CallName> = (ctx: Ctx, input: Input<N>, token: string | null) => CallOutput<N> | Promise<CallOutput<N>>;

export const VERSION = '0.1.0';

export const handlers: { [N in CallName]: Handler<N> } = {
  'system.status': (ctx) => {
    const office = getOffice(ctx);
    return { configured: office !== null, office, serverTime: ctx.now().toISOString(), version: VERSION, tlsFingerprint: ctx.host.tls?.fingerprint ?? null };
  },
  'setup.firstRun': (ctx, input) => firstRun(ctx, input),
  'auth.login': (ctx, input) => login(ctx, input),
  'auth.logout': (ctx, _input, token) => logout(ctx, token),
  'auth.me': (ctx) => {
    const actor = requireActor(ctx);
    return { user: actor.user, desk: actor.desk, office: getOffice(ctx)! };
  },
  'users.list': (ctx) => listUsers(ctx),
  'users.create': (ctx, input) => createUser(ctx, input),
  'users.update': (ctx, input) => updateUser(ctx, input),
  'desks.list': (ctx) => listDesks(ctx),
  'desks.create': (ctx, input) => createDesk(ctx, input),
  'desks.revoke': (ctx, input) => revokeDesk(ctx, input),
  'services.list': (ctx) => listServices(ctx),
  'services.save': (ctx, input) => saveService(ctx, input),
  'queue.issue': (ctx, input) => queue.issueTicket(ctx, input),
  'queue.ticketPdf': (ctx, input) => ticketPdfFile(ctx, input),
  'queue.printTicket': (ctx, input) => printTicket(ctx, input),
  'queue.board': (ctx, input) => queue.board(ctx, input),
  'queue.callNext': (ctx, input) => queue.callNext(ctx, input),
  'queue.recall': (ctx, input) => queue.recall(ctx, input),
  'queue.skip': (ctx, input) => queue.skip(ctx, input),
  'queue.callSkipped': (ctx, input) => queue.callSkipped(ctx, input),
  'queue.transfer': (ctx, input) => queue.transfer(ctx, input),
  'queue.startStep': (ctx, input) => queue.startStep(ctx, input),
  'queue.finishStep': (ctx, input) => queue.finishStep(ctx, input),
  'queue.addNote': (ctx, input) => addNote(ctx, input),
  'queue.notes': (ctx, input) => notes(ctx, input),
  'queue.petugasList': (ctx) => petugasList(ctx),
  'cases.get': (ctx, input) => getCase(ctx, input),
  'cases.save': (ctx, input) => saveCase(ctx, input),
  'stats.today': (ctx) => statsToday(ctx),
  'settings.queue': (ctx, input) => setQueueSettings(ctx, input),
  'devices.printers': (ctx) => listPrinters(ctx),
  'settings.devices': (ctx, input) => setDevices(ctx, input),
  'network.get': (ctx) => networkSettings(ctx),
  'network.save': (ctx, input) => saveNetwork(ctx, input),
  'devices.status': (ctx) => ({ ticketPrinter: ticketPrinter(ctx) }),
  'display.state': (ctx) => displayState(ctx),
};

export { authenticate };
