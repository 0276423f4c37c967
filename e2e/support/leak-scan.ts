import type { Page } from 'playwright-core';

/**
 * ARC-12 leak scan for browser journeys: every API answer body and every live (SSE) event a page receives is
 * recorded, and `assertNoLeaks` checks that no household phone or ID number appears in them unmasked — except in
 * the answers of the explicit, audited reveal (`POST /api/persons/:id/reveal`).
 *
 * The seeded households' numbers are all mainland mobiles (1[3-9] + 9 digits) and 18-character resident ID
 * numbers, so the scan looks for any such number (a superset of the seeded ones), plus the showcase household's
 * phone written out, whatever the spelling (spaces, dashes).
 */
export interface Traffic {
  url: string;
  kind: 'response' | 'sse';
  body: string;
}

const REVEAL = /\/api\/persons\/[0-9a-f-]{36}\/reveal$/;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
const ID_NUMBER = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
/**
 * Identifiers are random hex: a v4 UUID or a hash can hold eleven digits in a row that look like a mobile
 * (`…-a13760397866` in a unit's id failed a journey once in ten). Such tokens are not numbers anyone typed;
 * they are blanked before the scan, and nothing else is.
 */
const HEX_TOKENS = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|(?<![0-9a-z])(?=[0-9]*[a-f])[0-9a-f]{32,}(?![0-9a-z])/gi;
export const scannable = (body: string) => body.replace(HEX_TOKENS, '#');
/** The showcase household (3-2-1502) owner's phone, spelled as people type it. */
const SHOWCASE = [/138[\s-]?1234[\s-]?5678/];

export class LeakScan {
  readonly traffic: Traffic[] = [];
  private pending: Promise<unknown>[] = [];

  /** Starts recording a page's API answers and its live events (through the DevTools protocol). */
  async watch(page: Page): Promise<void> {
    page.on('response', (res) => {
      const url = res.url();
      if (!url.includes('/api/') || url.includes('/api/events')) return;
      const type = res.headers()['content-type'] ?? '';
      if (!/json|text|csv|html/.test(type)) return;
      this.pending.push(res.text().then((body) => this.traffic.push({ url: new URL(url).pathname, kind: 'response', body }), () => undefined));
    });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    cdp.on('Network.eventSourceMessageReceived', (e: { eventName: string; data: string }) => this.traffic.push({ url: `sse:${e.eventName}`, kind: 'sse', body: e.data }));
  }

  /** The recorded answers that hold an unmasked number, reveals excepted. */
  async leaks(): Promise<{ url: string; kind: string; found: string[] }[]> {
    // A body that never comes (a page navigated away mid-answer) must not hang the scan: wait at most 10 s.
    await Promise.race([Promise.all(this.pending.splice(0)), new Promise((r) => setTimeout(r, 10_000))]);
    const out: { url: string; kind: string; found: string[] }[] = [];
    for (const t of this.traffic) {
      if (t.kind === 'response' && REVEAL.test(t.url)) continue;
      const body = scannable(t.body);
      const found = [...(body.match(MOBILE) ?? []), ...(body.match(ID_NUMBER) ?? []), ...SHOWCASE.flatMap((re) => body.match(re) ?? [])];
      if (found.length) out.push({ url: t.url, kind: t.kind, found: [...new Set(found)] });
    }
    return out;
  }

  /** How many answers and live events were scanned (a scan of nothing proves nothing). */
  get count(): { responses: number; sse: number } {
    return { responses: this.traffic.filter((t) => t.kind === 'response').length, sse: this.traffic.filter((t) => t.kind === 'sse').length };
  }
}
