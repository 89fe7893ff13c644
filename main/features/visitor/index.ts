export { visitorHandlers } from './handlers';
export { visitorLink, visitorPosition } from './visitor';
export { qrPath } from './qr';
