import { describe, expect, it } from 'vitest';
import {
  type BrandCommand,
  type BrandEvent,
  brandDecider,
  getBrand,
  initialBrandState,
} from '../../src/brand/index.js';
import { execute, type Recorded, replay } from '../../src/core/index.js';
import { deepFreeze } from '../helpers/freeze.js';
import { ctx, decider, ORG, profile, run, toNamed } from './_fixture.js';

const draft = (departments: string[]): BrandCommand => ({
  type: 'draft',
  brandId: 'brand-food',
  branchId: ORG.branchFood,
  on: '2020-01-06',
  profile: { ...profile, departments },
});

const refusal = (state: typeof initialBrandState, command: BrandCommand, d = decider) => {
  const r = execute(d, deepFreeze(state), command, ctx);
  expect(r.ok).toBe(false);
  return r.errors ?? [];
};

describe('a department named twice in a brand profile', () => {
  it('is refused at the repeated entry when drafting, with or without a directory', () => {
    for (const d of [decider, brandDecider]) {
      const [e, ...rest] = refusal(initialBrandState, draft([ORG.deptFood, ORG.deptDrug, ORG.deptFood]), d);
      expect(rest).toEqual([]);
      expect(e).toMatchObject({
        code: 'brand/duplicate-record',
        path: ['profile', 'departments', 2],
        details: { kind: 'department', id: ORG.deptFood },
      });
      expect(e?.message['zh-CN']).toBe(`所属科室 ${ORG.deptFood} 已登记`);
      expect(e?.message.en).toBe(`Department ${ORG.deptFood} is already on record`);
    }
  });

  it('is refused when a profile update repeats one', () => {
    const { state } = run(toNamed());
    const [e] = refusal(state, {
      type: 'update-profile',
      brandId: 'brand-food',
      on: '2020-08-03',
      changes: { departments: [ORG.deptDrug, ORG.deptDrug] },
    });
    expect(e).toMatchObject({ code: 'brand/duplicate-record', path: ['changes', 'departments', 1] });
  });

  it('leaves distinct departments accepted', () => {
    const r = execute(decider, initialBrandState, draft([ORG.deptFood, ORG.deptDrug]), ctx);
    expect(r.ok).toBe(true);
  });

  it('names records in Chinese in the zh-CN message of the other duplicates too', () => {
    const { state } = run([
      ...toNamed(),
      {
        type: 'record-honor',
        brandId: 'brand-food',
        honor: {
          id: 'h-1',
          title: '先进基层党组织',
          year: 2021,
          awardedBy: { body: '市直机关工委', level: 'municipal' },
        },
      },
    ]);
    const [e] = refusal(state, {
      type: 'record-honor',
      brandId: 'brand-food',
      honor: {
        id: 'h-1',
        title: '先进基层党组织',
        year: 2022,
        awardedBy: { body: '市直机关工委', level: 'municipal' },
      },
    });
    expect(e?.message['zh-CN']).toBe('荣誉 h-1 已登记');
    expect(e?.message.en).toBe('Honor h-1 is already on record');
  });
});

describe('withdrawing a brand at its periodic review', () => {
  const underReview = () =>
    run([...toNamed(), { type: 'start-periodic-review', brandId: 'brand-food', on: '2022-07-01' }]).state;

  it('needs a reason, as revoking does', () => {
    const [e, ...rest] = refusal(underReview(), {
      type: 'conclude-periodic-review',
      brandId: 'brand-food',
      on: '2022-08-01',
      outcome: 'withdrawn',
    });
    expect(rest).toEqual([]);
    expect(e).toMatchObject({ code: 'core/required', path: ['reason'] });
    expect(getBrand(underReview(), 'brand-food')?.stage.status).toBe('under-review');
  });

  it('keeps or downgrades without one', () => {
    for (const outcome of ['kept', 'downgraded'] as const) {
      const r = execute(
        decider,
        underReview(),
        { type: 'conclude-periodic-review', brandId: 'brand-food', on: '2022-08-01', outcome },
        ctx,
      );
      expect(r.ok).toBe(true);
    }
  });

  it('replays an older log whose withdrawal has no reason with a Chinese one', () => {
    const { events } = run([...toNamed(), { type: 'start-periodic-review', brandId: 'brand-food', on: '2022-07-01' }]);
    const last = events.at(-1) as Recorded<BrandEvent>;
    const old: Recorded<BrandEvent> = {
      type: 'periodic-review-concluded',
      brandId: 'brand-food',
      on: '2022-08-01',
      outcome: 'withdrawn',
      seq: last.seq + 1,
      at: last.at,
      actor: last.actor,
      schemaVersion: last.schemaVersion,
    };
    const stage = getBrand(replay(decider, [...events, old]), 'brand-food')?.stage;
    expect(stage).toMatchObject({ status: 'revoked', reason: '定期复核撤销', revokedOn: '2022-08-01' });
  });
});
