// The waiting-room TV's running text and office information, set in Admin → Layar tunggu.
import type { DisplaySettings, ParsedInput } from '../../../common/contract/index';
import { audit, type Ctx, type Deps } from '../../platform/context';
import { readSetting, writeSetting } from '../../platform/settings';

const RUNNING_TEXT = 'display.runningText';
const INFO_TEXT = 'display.infoText';

export function displaySettings(deps: Deps): DisplaySettings {
  return { runningText: readSetting(deps.store, RUNNING_TEXT) ?? '', infoText: readSetting(deps.store, INFO_TEXT) ?? '' };
}

export function saveDisplaySettings(ctx: Ctx, input: ParsedInput<'display.saveSettings'>): DisplaySettings {
  ctx.store.tx((w) => {
    // An emptied field removes the setting: the TV then shows nothing there, not an empty bar.
    writeSetting(w, RUNNING_TEXT, input.runningText || null);
    writeSetting(w, INFO_TEXT, input.infoText || null);
    audit(w, ctx, 'display.saveSettings', 'settings', null, input);
  });
  return displaySettings(ctx);
}
