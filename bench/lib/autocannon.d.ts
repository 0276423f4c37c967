// Just the parts of autocannon 9 the bench uses (the package ships no types).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  export interface AutocannonRequest {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
  }

  export interface AutocannonOptions {
    url: string;
    connections?: number;
    pipelining?: number;
    duration?: number;
    timeout?: number;
    headers?: Record<string, string>;
    requests?: AutocannonRequest[];
    /** Replaces [<id>] in each request body with a fresh unique id (idempotency keys). */
    idReplacement?: boolean;
  }

  export interface AutocannonResult {
    errors: number;
    timeouts: number;
    non2xx: number;
    duration: number;
    statusCodeStats: Record<string, { count: number }>;
  }

  export interface AutocannonInstance extends EventEmitter {
    stop(): void;
  }

  export type AutocannonCallback = (err: Error | null, result: AutocannonResult) => void;

  export default function autocannon(opts: AutocannonOptions, cb: AutocannonCallback): AutocannonInstance;
}
