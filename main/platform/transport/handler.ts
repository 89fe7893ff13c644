// What a feature's handler map looks like: one function per entry of its contract slice, taking
// the request context and the parsed input. `satisfies HandlersFor<typeof slice>` in each feature
// keeps every entry implemented, with the contract's own input and output types.
import type { z } from 'zod';
import type { CallName, Contract, Slice } from '../../../common/contract/index';
import type { Actor, Ctx, Deps } from '../context';

export type HandlersFor<S extends Slice> = {
  [N in keyof S]: (ctx: Ctx, input: z.output<S[N]['input']>) => z.output<S[N]['output']> | Promise<z.output<S[N]['output']>>;
};

/** The merged map the composition root hands to dispatch: exactly one handler per call name. */
export type Handlers = HandlersFor<Contract> & Record<CallName, unknown>;

/** Who is behind a session token; the auth feature provides it, dispatch and sockets use it. */
export type Authenticate = (deps: Deps, token: string | null) => Actor | null;
