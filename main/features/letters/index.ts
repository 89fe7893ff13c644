export { lettersHandlers } from './handlers';
export { KEYS_PER_INSTANT, registerKey, registerKeys } from './workflow';
// The office's kop and its settings, for other printed papers (membership statement forms).
export { letterhead } from './letterPdf';
export { readLetterSettings } from './setup';
