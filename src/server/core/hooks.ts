import type { Tx } from '../db/store';

/**
 * A named point where one feature lets other features react inside its own transaction (ADR 0011).
 * The feature that owns the change declares the point (in its `*.hooks.ts`) and runs it; `app.ts`
 * wires the other features' handlers to it, so neither feature imports the other to make it happen.
 * The payload type is carried by the point, so a handler of the wrong shape is a compile error.
 */
export interface HookPoint<P> {
  readonly name: string;
  /** A required point refuses to run with no handler: a reaction that must happen cannot be forgotten. */
  readonly required: boolean;
  /** Type-only marker for the payload; never set. */
  readonly payload?: (p: P) => void;
}

export type HookHandler<P> = (tx: Tx, payload: P) => Promise<void>;

export function hookPoint<P>(name: string, opts: { required?: boolean } = {}): HookPoint<P> {
  return { name, required: opts.required ?? false };
}

/** The app's registry of hook handlers; one per app instance, built in `app.ts`. */
export class Hooks {
  private readonly handlers = new Map<string, HookHandler<never>[]>();

  on<P>(point: HookPoint<P>, handler: HookHandler<P>): void {
    const list = this.handlers.get(point.name) ?? [];
    list.push(handler as HookHandler<never>);
    this.handlers.set(point.name, list);
  }

  /** Runs every handler of the point, in registration order, inside the caller's transaction. */
  async run<P>(point: HookPoint<P>, tx: Tx, payload: P): Promise<void> {
    const list = (this.handlers.get(point.name) ?? []) as HookHandler<P>[];
    if (list.length === 0 && point.required) throw new Error(`Hook ${point.name} has no handler; wire one in app.ts.`);
    for (const handler of list) await handler(tx, payload);
  }
}

/**
 * A help request (or the incident it became) was closed (HELP-4), run inside the closing transaction. Declared
 * here rather than in the help feature so the help feature only emits it. The visits feature draws a return
 * visit (VISIT-2): every medical emergency, a share of the rest.
 */
export interface HelpRequestClosed {
  projectId: string;
  helpRequestId: string;
  number: string;
  /** HELP-1's category a–g (medical … other). */
  category: string;
  /** solved / answered / referred. */
  outcome: string;
  /** Repairs (b) and complaints (c) went on to a record of their own ('call'); that record is followed up instead. */
  routedTo: string | null;
  /** The emergency playbook that made it an incident, if any. */
  playbookCode: string | null;
  need: string;
  householdId: string | null;
  requesterName: string;
  phone: string | null;
  closedAt: Date;
}
export const helpRequestClosed = hookPoint<HelpRequestClosed>('help.closed');
