import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { StepClock, stepClock } from './step-clock';

const due = Date.parse('2026-11-30T02:00:00Z');
const at = (offsetMs: number) => due + offsetMs;
const open = { status: 'pending' as const, dueAt: new Date(due).toISOString(), limitMinutes: 15, overdue: false };

describe('a playbook step time limit on the duty phone page and the incident page', () => {
  it('HELP-7 an open step counts its time limit down, amber in its last minute', () => {
    expect(stepClock(open, at(-(14 * 60_000 + 5_000)))).toEqual({ state: 'ok', text: '剩余 14:05' });
    expect(stepClock(open, at(-(14 * 60_000 + 4_000))).text).toBe('剩余 14:04');
    expect(stepClock(open, at(-(90 * 60_000)))).toEqual({ state: 'ok', text: '剩余 1:30:00' });
    expect(stepClock({ ...open, status: 'acknowledged' }, at(-59_000))).toEqual({ state: 'warning', text: '剩余 0:59' });
  });

  it('HELP-7 once past, the step is red with how long it is overdue, and never "已超时 0 分钟"', () => {
    expect(stepClock(open, at(0))).toEqual({ state: 'overdue', text: '已到时限' });
    expect(stepClock(open, at(20_000))).toEqual({ state: 'overdue', text: '已超时 20 秒' });
    expect(stepClock(open, at(60_000))).toEqual({ state: 'overdue', text: '已超时 1 分钟' });
    expect(stepClock(open, at(7 * 60_000 + 59_000))).toEqual({ state: 'overdue', text: '已超时 7 分钟' });
    for (let ms = 0; ms < 3 * 60_000; ms += 250) expect(stepClock(open, at(ms)).text).not.toMatch(/已超时 0\b/);
  });

  it('HELP-7 the server saying overdue wins over a browser clock that runs behind; done and unlimited steps have no countdown', () => {
    expect(stepClock({ ...open, overdue: true }, at(-30_000))).toEqual({ state: 'overdue', text: '已到时限' });
    expect(stepClock({ ...open, status: 'done' }, at(5 * 60_000))).toEqual({ state: 'done', text: '15 分钟内' });
    expect(stepClock({ ...open, dueAt: null, limitMinutes: null }, at(0))).toEqual({ state: 'none', text: '' });
  });

  it('HELP-7 the component shows the reading (red tag once past) and nothing for a step without a limit', () => {
    const live = renderToStaticMarkup(createElement(StepClock, { step: { ...open, dueAt: new Date(Date.now() + 10 * 60_000).toISOString() } }));
    expect(live).toContain('data-testid="step-clock"');
    expect(live).toMatch(/剩余 (10:00|9:5\d)/);
    const late = renderToStaticMarkup(createElement(StepClock, { step: { ...open, dueAt: new Date(Date.now() - 3 * 60_000 - 5_000).toISOString() } }));
    expect(late).toContain('data-state="overdue"');
    expect(late).toContain('已超时 3 分钟');
    expect(late).toMatch(/ant-tag-red|ant-tag-color-red|red/);
    expect(renderToStaticMarkup(createElement(StepClock, { step: { ...open, dueAt: null, limitMinutes: null } }))).toBe('');
  });
});
