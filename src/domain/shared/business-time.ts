/**
 * The business time zone: the one setting every local day, week and clock time of the desk is read in
 * (record numbers, statistics buckets, the weekly GT summary, times in alerts and exports). Every project is
 * on Beijing time; the per-day counts of migration 0003 bucket by the same zone in SQL, so changing it means
 * a migration that re-buckets call_day_counts (see ADR 0012).
 */
export const BUSINESS_TIME_ZONE = 'Asia/Shanghai';

const formatters = new Map<string, Intl.DateTimeFormat>();
/**
 * Parts already read, per zone and instant: formatToParts costs tens of microseconds and a request asks the
 * same few instants (a list filtered by a day asks its two midnights several times). Exact, not a guess from
 * a neighbouring instant; emptied when it grows past a bound.
 */
const partsCache = new Map<string, Record<string, string>>();
const PARTS_CACHE_MAX = 2000;
function parts(at: Date, timeZone: string): Record<string, string> {
  const key = `${timeZone} ${at.getTime()}`;
  const hit = partsCache.get(key);
  if (hit) return hit;
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, f);
  }
  const out = Object.freeze(Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]))) as Record<string, string>;
  if (partsCache.size >= PARTS_CACHE_MAX) partsCache.clear();
  partsCache.set(key, out);
  return out;
}

/** The zone's offset from UTC at `at`, in milliseconds (+8 h for Beijing). */
export function zoneOffsetMs(at: Date, timeZone: string = BUSINESS_TIME_ZONE): number {
  const p = parts(at, timeZone);
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/** The local calendar day of an instant, YYYY-MM-DD. */
export function localDay(at: Date, timeZone: string = BUSINESS_TIME_ZONE): string {
  const p = parts(at, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** Whether an instant is a local midnight. */
export const isLocalMidnight = (at: Date, timeZone: string = BUSINESS_TIME_ZONE) => (at.getTime() + zoneOffsetMs(at, timeZone)) % 86_400_000 === 0;

/** 14:05, in the business zone. */
export const localTime = (at: Date, timeZone: string = BUSINESS_TIME_ZONE) =>
  at.toLocaleTimeString('zh-CN', { timeZone, hour: '2-digit', minute: '2-digit' });

/** 2026/11/26 14:05:00, in the business zone (exports). */
export const localDateTime = (at: Date, timeZone: string = BUSINESS_TIME_ZONE) => at.toLocaleString('zh-CN', { timeZone, hour12: false });

/** The instant a local calendar day (YYYY-MM-DD) begins in the business zone. */
export function localDayStart(day: string, timeZone: string = BUSINESS_TIME_ZONE): Date {
  const utc = new Date(`${day}T00:00:00Z`);
  return new Date(utc.getTime() - zoneOffsetMs(utc, timeZone));
}

/** The end of the local day of `at` (the next local midnight): "the same day" deadlines. */
export const localDayEnd = (at: Date, timeZone: string = BUSINESS_TIME_ZONE) => new Date(localDayStart(localDay(at, timeZone), timeZone).getTime() + 86_400_000);
