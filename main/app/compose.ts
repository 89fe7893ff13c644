// The in-process side of the composition root: the app's handlers behind one dispatch, for hosts
// and for tests and tools that drive the use cases without a network listener.
import type { ServerEvent } from '../../common/contract/index';
import { authenticate } from '../features/auth';
import type { Deps } from '../platform/context';
import { createDispatcher, defaultOutputCheck, type Dispatch } from '../platform/transport/dispatch';
import { handlers } from './handlers';

export function composeDispatch(deps: Deps, publish: (e: ServerEvent) => void, outputCheck = defaultOutputCheck()): Dispatch {
  return createDispatcher({ deps, publish, handlers, authenticate, outputCheck });
}
