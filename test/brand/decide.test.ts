import { describe, expect, it } from 'vitest';
import {
  type Achievement,
  activeBrandOf,
  type BrandCommand,
  brandDecider,
  createBrandDecider,
  getBrand,
  initialBrandState,
} from '../../src/brand/index.js';
import { execute, getRecord } from '../../src/core/index.js';
import { deepFreeze } from '../helpers/freeze.js';
import { ctx, decider, directory, draft, mergedDirectory, ORG, profile, run, toNamed } from './_fixture.js';

function refused(state: typeof initialBrandState, command: BrandCommand, d = decider) {
  const frozen = deepFreeze(state);
  const r = execute(d, frozen, command, ctx);
  expect(r.ok).toBe(false);
  return r.errors?.[0];
}

const quantity = (over: Partial<Achievement> = {}): Achievement => ({
  id: 'ach-1',
  facet: 'service',
  title: '消费维权服务站',
  measure: { kind: 'quantity', value: 69, unit: '处' },
  period: { from: '2020-01-01', to: '2020-06-30' },
  source: '威海市市场监管局局长访谈',
  ...over,
});

describe('lifecycle', () => {
  it('walks draft → declared → cultivating → reviewed → named with one event each', () => {
    const { state, events } = run(toNamed());
    expect(events.map((e) => e.type)).toEqual([
      'brand-drafted',
      'brand-declared',
      'cultivation-started',
      'brand-reviewed',
      'brand-named',
    ]);
    const brand = getBrand(state, 'brand-food');
    expect(brand?.stage).toEqual({
      status: 'named',
      declaredOn: '2020-02-03',
      namedOn: '2020-07-01',
      namedBy: { body: '机关党委', level: 'internal' },
      notice: { from: '2020-06-16', to: '2020-06-22' },
    });
    expect(brand?.unitId).toBe(ORG.city);
    expect(brand?.history.map((h) => h.step)).toEqual([
      'drafted',
      'declared',
      'cultivation-started',
      'selected',
      'named',
    ]);
    expect(activeBrandOf(state, ORG.branchFood)?.id).toBe('brand-food');
  });

  it('a review that does not select keeps the brand cultivating, with the step on record', () => {
    const cmds = toNamed().slice(0, 3);
    const { state } = run([
      ...cmds,
      { type: 'review', brandId: 'brand-food', on: '2020-06-15', reviewedBy: '评审组', outcome: 'not-selected' },
    ]);
    const b = getBrand(state, 'brand-food');
    expect(b?.stage.status).toBe('cultivating');
    expect(b?.history.at(-1)).toEqual({ step: 'not-selected', on: '2020-06-15', note: '评审组' });
  });

  it('periodic review: kept returns to named, downgraded to cultivating, withdrawn revokes and frees the branch', () => {
    const base = run([...toNamed(), { type: 'start-periodic-review', brandId: 'brand-food', on: '2022-07-01' }]).state;
    expect(getBrand(base, 'brand-food')?.stage.status).toBe('under-review');
    const conclude = (outcome: 'kept' | 'downgraded' | 'withdrawn') =>
      run(
        [{ type: 'conclude-periodic-review', brandId: 'brand-food', on: '2022-08-01', outcome, reason: '复核' }],
        decider,
        base,
      ).state;
    const kept = getBrand(conclude('kept'), 'brand-food')?.stage;
    expect(kept).toMatchObject({ status: 'named', namedOn: '2020-07-01', lastReviewedOn: '2022-08-01' });
    expect(kept && 'reviewStartedOn' in kept).toBe(false);
    expect(getBrand(conclude('downgraded'), 'brand-food')?.stage).toEqual({
      status: 'cultivating',
      declaredOn: '2020-02-03',
      since: '2022-08-01',
      downgradedOn: '2022-08-01',
    });
    const withdrawn = conclude('withdrawn');
    expect(getBrand(withdrawn, 'brand-food')?.stage).toEqual({
      status: 'revoked',
      revokedOn: '2022-08-01',
      reason: '复核',
      revokedFrom: 'under-review',
      namedOn: '2020-07-01',
    });
    expect(activeBrandOf(withdrawn, ORG.branchFood)).toBeUndefined();
  });

  it('a withdrawn brand keeps its history, and the branch may start a new brand', () => {
    const { state } = run([
      ...toNamed(),
      { type: 'revoke', brandId: 'brand-food', on: '2021-01-04', reason: '支部调整' },
      draft('brand-food-2', ORG.branchFood, '2021-02-01'),
    ]);
    const old = getBrand(state, 'brand-food');
    expect(old?.history.map((h) => h.step)).toContain('named');
    expect(old?.stage.status).toBe('revoked');
    expect(activeBrandOf(state, ORG.branchFood)?.id).toBe('brand-food-2');
  });

  it('renaming keeps the old name; renaming to the same name is a no-op returning the same state', () => {
    const { state } = run([
      draft(),
      { type: 'rename', brandId: 'brand-food', on: '2020-02-01', name: { 'zh-CN': '舌尖卫士' }, reason: '突出主题' },
    ]);
    const b = getBrand(state, 'brand-food');
    expect(b?.profile.name).toEqual({ 'zh-CN': '舌尖卫士' });
    expect(b?.formerNames).toEqual([
      {
        name: { 'zh-CN': '食安卫士', en: 'Food Safety Guards' },
        slogan: '守护舌尖上的安全',
        until: '2020-02-01',
        change: 'rename',
        reason: '突出主题',
      },
    ]);
    const same = execute(
      decider,
      state,
      { type: 'rename', brandId: 'brand-food', on: '2020-02-02', name: { 'zh-CN': '舌尖卫士' }, reason: 'x' },
      ctx,
    );
    expect(same.ok && same.value.state).toBe(state);
  });

  it('re-branding replaces name, slogan and connotation as one event and keeps the former name', () => {
    const { state, events } = run([
      draft(),
      {
        type: 'rebrand',
        brandId: 'brand-food',
        on: '2020-03-01',
        name: { 'zh-CN': '食安先锋' },
        slogan: '从农田到餐桌',
        connotation: '全链条守护',
        reason: '品牌升级',
      },
    ]);
    expect(events.at(-1)?.type).toBe('brand-rebranded');
    const b = getBrand(state, 'brand-food');
    expect(b?.profile).toMatchObject({
      name: { 'zh-CN': '食安先锋' },
      slogan: '从农田到餐桌',
      connotation: '全链条守护',
    });
    expect(b?.profile.workingMethod).toBe(profile.workingMethod);
    expect(b?.formerNames[0]).toMatchObject({ change: 'rebrand', name: { 'zh-CN': '食安卫士' } });
  });

  it('profile updates change the profile; identical values are a no-op', () => {
    const { state } = run([draft()]);
    const r = execute(
      decider,
      state,
      { type: 'update-profile', brandId: 'brand-food', on: '2020-01-07', changes: { logoRef: 'logo/shi-an.svg' } },
      ctx,
    );
    expect(r.ok && getBrand(r.value.state, 'brand-food')?.profile.logoRef).toBe('logo/shi-an.svg');
    const same = execute(
      decider,
      state,
      { type: 'update-profile', brandId: 'brand-food', on: '2020-01-07', changes: { slogan: profile.slogan } },
      ctx,
    );
    expect(same.ok && same.value.state).toBe(state);
  });

  it('hands a brand to the successor of a merged branch', () => {
    const d = createBrandDecider({ directory: mergedDirectory() });
    const { state } = run(
      [
        draft('brand-drug', ORG.branchDrug),
        { type: 'hand-over', brandId: 'brand-drug', on: '2024-01-02', toBranchId: ORG.branchFood },
      ],
      d,
    );
    const b = getBrand(state, 'brand-drug');
    expect(b?.branchId).toBe(ORG.branchFood);
    expect(b?.handOvers).toEqual([{ fromBranchId: ORG.branchDrug, toBranchId: ORG.branchFood, on: '2024-01-02' }]);
    expect(activeBrandOf(state, ORG.branchFood)?.id).toBe('brand-drug');
    expect(activeBrandOf(state, ORG.branchDrug)).toBeUndefined();
  });

  it('records achievements, honors and activities', () => {
    const { state } = run([
      draft(),
      { type: 'record-achievement', brandId: 'brand-food', achievement: quantity() },
      {
        type: 'record-honor',
        brandId: 'brand-food',
        honor: {
          id: 'h-1',
          title: '机关服务品牌',
          year: 2020,
          awardedBy: { body: '市直机关工委', level: 'municipal' },
        },
      },
      {
        type: 'record-activity',
        activity: {
          id: 'act-1',
          branchId: ORG.branchFood,
          kind: 'themed-party-day',
          title: '信用宣讲',
          on: '2020-06-18',
        },
      },
    ]);
    const b = getBrand(state, 'brand-food');
    expect(b?.achievements).toHaveLength(1);
    expect(b?.honors[0]?.title).toBe('机关服务品牌');
    expect(getRecord(state.activities, 'act-1')?.title).toBe('信用宣讲');
  });

  it('without a directory, org ids are not checked', () => {
    const r = execute(brandDecider, initialBrandState, draft('b-x', 'anything-at-all'), ctx);
    expect(r.ok).toBe(true);
  });

  it('allows organ-level holders when configured', () => {
    const d = createBrandDecider({ directory, holderKinds: ['branch', 'organ-committee'] });
    expect(execute(d, initialBrandState, draft('b-oc', ORG.organCommittee), ctx).ok).toBe(true);
  });
});

describe('refusals (one code each, nothing changes)', () => {
  const named = run(toNamed()).state;
  const drafted = run([draft()]).state;

  it('brand/not-a-branch', () => {
    expect(refused(initialBrandState, draft('b', ORG.organCommittee))).toMatchObject({
      code: 'brand/not-a-branch',
      path: ['branchId'],
      details: { kind: 'organ-committee' },
    });
  });
  it('brand/unknown-branch', () => {
    expect(refused(initialBrandState, draft('b', 'br-nowhere'))).toMatchObject({
      code: 'brand/unknown-branch',
      path: ['branchId'],
    });
  });
  it('brand/branch-not-valid (a merged branch cannot act)', () => {
    const d = createBrandDecider({ directory: mergedDirectory() });
    const s = run([draft('brand-drug', ORG.branchDrug)], d).state;
    expect(refused(s, { type: 'declare', brandId: 'brand-drug', on: '2024-02-01' }, d)).toMatchObject({
      code: 'brand/branch-not-valid',
      path: ['brandId'],
    });
  });
  it('brand/unknown-department', () => {
    const c = { ...draft(), profile: { ...profile, departments: ['dept-nowhere'] } } as BrandCommand;
    expect(refused(initialBrandState, c)).toMatchObject({
      code: 'brand/unknown-department',
      path: ['profile', 'departments', 0],
    });
  });
  it('brand/second-active-brand', () => {
    expect(refused(drafted, draft('brand-food-2'))).toMatchObject({
      code: 'brand/second-active-brand',
      path: ['branchId'],
      details: { activeBrandId: 'brand-food' },
    });
  });
  it('brand/second-active-brand on hand-over to a branch that has one', () => {
    const d = createBrandDecider({ directory: mergedDirectory() });
    const s = run([draft('brand-drug', ORG.branchDrug), draft('brand-food', ORG.branchFood)], d).state;
    expect(
      refused(s, { type: 'hand-over', brandId: 'brand-drug', on: '2024-01-02', toBranchId: ORG.branchFood }, d),
    ).toMatchObject({ code: 'brand/second-active-brand', path: ['toBranchId'] });
  });
  it('brand/not-successor', () => {
    const d = createBrandDecider({ directory: mergedDirectory() });
    const s = run([draft('brand-drug', ORG.branchDrug)], d).state;
    expect(
      refused(s, { type: 'hand-over', brandId: 'brand-drug', on: '2024-01-02', toBranchId: ORG.branchOffice }, d),
    ).toMatchObject({ code: 'brand/not-successor', path: ['toBranchId'], details: { successorId: ORG.branchFood } });
  });
  it('brand/duplicate-brand', () => {
    expect(refused(drafted, draft('brand-food', ORG.branchDrug))).toMatchObject({
      code: 'brand/duplicate-brand',
      path: ['brandId'],
    });
  });
  it('brand/unknown-brand', () => {
    expect(refused(initialBrandState, { type: 'declare', brandId: 'nope', on: '2020-01-01' })).toMatchObject({
      code: 'brand/unknown-brand',
      path: ['brandId'],
    });
  });
  it('brand/already-named (a named brand cannot be declared again)', () => {
    expect(refused(named, { type: 'declare', brandId: 'brand-food', on: '2021-01-01' })).toMatchObject({
      code: 'brand/already-named',
      path: ['type'],
      details: { namedOn: '2020-07-01' },
    });
  });
  it('brand/step-out-of-order', () => {
    const e = refused(drafted, {
      type: 'name',
      brandId: 'brand-food',
      on: '2020-07-01',
      namedBy: { body: '机关党委', level: 'internal' },
      notice: { from: '2020-06-16', to: '2020-06-22' },
    });
    expect(e).toMatchObject({ code: 'brand/step-out-of-order', path: ['type'], details: { status: 'draft' } });
    expect(e?.message['zh-CN']).toContain('草拟');
  });
  it('brand/brand-revoked', () => {
    const s = run([draft(), { type: 'revoke', brandId: 'brand-food', on: '2020-02-01', reason: '撤销' }]).state;
    expect(refused(s, { type: 'record-achievement', brandId: 'brand-food', achievement: quantity() })).toMatchObject({
      code: 'brand/brand-revoked',
      path: ['brandId'],
    });
    expect(refused(s, { type: 'revoke', brandId: 'brand-food', on: '2020-03-01', reason: 'x' })?.code).toBe(
      'brand/brand-revoked',
    );
  });
  it('brand/date-in-future', () => {
    expect(refused(initialBrandState, draft('b', ORG.branchFood, '2025-10-17'))).toMatchObject({
      code: 'brand/date-in-future',
      path: ['on'],
    });
  });
  it('brand/date-out-of-order', () => {
    expect(refused(drafted, { type: 'declare', brandId: 'brand-food', on: '2020-01-05' })).toMatchObject({
      code: 'brand/date-out-of-order',
      path: ['on'],
    });
  });
  it('brand/declaration-incomplete', () => {
    const { workingMethod: _w, ...rest } = profile;
    const s = run([{ ...draft(), profile: rest } as BrandCommand]).state;
    expect(refused(s, { type: 'declare', brandId: 'brand-food', on: '2020-02-01' })).toMatchObject({
      code: 'brand/declaration-incomplete',
      path: ['profile', 'workingMethod'],
    });
  });
  it('brand/notice-not-over', () => {
    const s = run(toNamed().slice(0, 4)).state;
    expect(
      refused(s, {
        type: 'name',
        brandId: 'brand-food',
        on: '2020-06-20',
        namedBy: { body: '机关党委', level: 'internal' },
        notice: { from: '2020-06-16', to: '2020-06-22' },
      }),
    ).toMatchObject({ code: 'brand/notice-not-over', path: ['on'] });
  });
  it('brand/invalid-period (notice and achievement)', () => {
    const s = run(toNamed().slice(0, 4)).state;
    expect(
      refused(s, {
        type: 'name',
        brandId: 'brand-food',
        on: '2020-07-01',
        namedBy: { body: '机关党委', level: 'internal' },
        notice: { from: '2020-06-22', to: '2020-06-16' },
      }),
    ).toMatchObject({ code: 'brand/invalid-period', path: ['notice'] });
    expect(
      refused(drafted, {
        type: 'record-achievement',
        brandId: 'brand-food',
        achievement: quantity({ period: { from: '2020-06-30', to: '2020-01-01' } }),
      }),
    ).toMatchObject({ code: 'brand/invalid-period', path: ['achievement', 'period'] });
  });
  it('brand/period-in-future', () => {
    expect(
      refused(drafted, {
        type: 'record-achievement',
        brandId: 'brand-food',
        achievement: quantity({ period: { from: '2025-07-01', to: '2025-12-31' } }),
      }),
    ).toMatchObject({ code: 'brand/period-in-future', path: ['achievement', 'period', 'to'] });
  });
  it('brand/unit-mismatch', () => {
    expect(
      refused(drafted, {
        type: 'record-achievement',
        brandId: 'brand-food',
        achievement: quantity({
          measure: { kind: 'quantity', value: 2101, unit: 'm²', baseline: { value: 1129, unit: '平方米' } },
        }),
      }),
    ).toMatchObject({ code: 'brand/unit-mismatch', path: ['achievement', 'measure', 'baseline', 'unit'] });
  });
  it('brand/funnel-widening', () => {
    expect(
      refused(drafted, {
        type: 'record-achievement',
        brandId: 'brand-food',
        achievement: quantity({
          measure: {
            kind: 'funnel',
            stages: [
              { label: '线索', count: 285, unit: '条' },
              { label: '整改', count: 3468, unit: '起' },
            ],
          },
        }),
      }),
    ).toMatchObject({ code: 'brand/funnel-widening', path: ['achievement', 'measure', 'stages', 1, 'count'] });
  });
  it('brand/duplicate-record', () => {
    const s = run([draft(), { type: 'record-achievement', brandId: 'brand-food', achievement: quantity() }]).state;
    expect(refused(s, { type: 'record-achievement', brandId: 'brand-food', achievement: quantity() })).toMatchObject({
      code: 'brand/duplicate-record',
      path: ['achievement', 'id'],
    });
  });
  it('brand/honor-without-body', () => {
    expect(
      refused(drafted, {
        type: 'record-honor',
        brandId: 'brand-food',
        honor: { id: 'h', title: '机关服务品牌', year: 2020, awardedBy: { body: ' ', level: 'municipal' } },
      }),
    ).toMatchObject({ code: 'brand/honor-without-body', path: ['honor', 'awardedBy'] });
  });
  it('brand/honor-date-mismatch', () => {
    expect(
      refused(drafted, {
        type: 'record-honor',
        brandId: 'brand-food',
        honor: {
          id: 'h',
          title: '机关服务品牌',
          year: 2020,
          on: '2019-12-01',
          awardedBy: { body: '市直机关工委', level: 'municipal' },
        },
      }),
    ).toMatchObject({ code: 'brand/honor-date-mismatch', path: ['honor', 'on'] });
  });
  it('brand/partner-required', () => {
    expect(
      refused(initialBrandState, {
        type: 'record-activity',
        activity: { id: 'a', branchId: ORG.branchFood, kind: 'joint-building', title: '支部联建', on: '2020-06-01' },
      }),
    ).toMatchObject({ code: 'brand/partner-required', path: ['activity', 'partners'] });
  });
});
