import { describe, expect, it } from '@jest/globals';
import type { FrozenScorm, FrozenScormItem } from '../src/scorm/frozen-scorm.js';
import {
  checkPackage,
  type RollupRule,
  type ScormItem,
  type ScormVersion,
  type Sequencing,
  type SequencingRule,
} from '../src/scorm/package/manifest/index.js';
import { defaultSequencing } from '../src/scorm/sequencing/default-sequencing.js';
import {
  controlsOf,
  evaluate,
  navigate,
  type NavOutcome,
  type NavRequest,
  type ScoRecord,
} from '../src/scorm/sequencing/index.js';

type Org = FrozenScorm['organization'];
type SequencingPatch = {
  controlMode?: Partial<Sequencing['controlMode']>;
  pre?: SequencingRule[];
  exit?: SequencingRule[];
  post?: SequencingRule[];
  attemptLimit?: number;
  rollup?: Partial<Omit<Sequencing['rollupRules'], 'rules'>> & { rules?: RollupRule[] };
  primary?: Partial<NonNullable<Sequencing['objectives']['primary']>>;
  others?: NonNullable<Sequencing['objectives']['primary']>[];
  deliveryControls?: Partial<Sequencing['deliveryControls']>;
  considerations?: Partial<Sequencing['rollupConsiderations']>;
};

/** A 2004 sequencing: the SN defaults with `patch` over them. */
function seq(patch: SequencingPatch = {}): Sequencing {
  const base = defaultSequencing(false);
  return {
    ...base,
    controlMode: { ...base.controlMode, ...patch.controlMode },
    sequencingRules: { pre: patch.pre ?? [], exit: patch.exit ?? [], post: patch.post ?? [] },
    limitConditions: { attemptLimit: patch.attemptLimit ?? null, attemptAbsoluteDurationLimit: null },
    rollupRules: { ...base.rollupRules, rules: [], ...patch.rollup },
    objectives: {
      primary: patch.primary
        ? {
            objectiveId: null,
            satisfiedByMeasure: false,
            minNormalizedMeasure: 1,
            mapInfo: [],
            ...patch.primary,
          }
        : null,
      others: patch.others ?? [],
    },
    deliveryControls: { ...base.deliveryControls, ...patch.deliveryControls },
    rollupConsiderations: { ...base.rollupConsiderations, ...patch.considerations },
  };
}

function item(
  identifier: string,
  children: FrozenScormItem[],
  extra: Partial<FrozenScormItem> = {},
): FrozenScormItem {
  const leaf = children.length === 0;
  return {
    identifier,
    title: identifier,
    identifierref: leaf ? `${identifier}-res` : null,
    parameters: null,
    isVisible: true,
    launchUrl: leaf ? `${identifier}/index.html` : null,
    children,
    masteryScore: null,
    prerequisites: null,
    maxTimeAllowed: null,
    timeLimitAction: null,
    dataFromLms: null,
    completionThreshold: null,
    sequencing: null,
    sequencingIdRef: null,
    unresolvedSequencingIdRef: false,
    hideLmsUi: [],
    scormType: leaf ? 'sco' : null,
    ...extra,
  };
}

const sco = (identifier: string, sequencing?: SequencingPatch, extra: Partial<FrozenScormItem> = {}) =>
  item(identifier, [], { sequencing: sequencing ? seq(sequencing) : null, ...extra });
const cluster = (identifier: string, children: FrozenScormItem[], sequencing?: SequencingPatch) =>
  item(identifier, children, { sequencing: sequencing ? seq(sequencing) : null });

function org(items: FrozenScormItem[], sequencing?: SequencingPatch): Org {
  return {
    identifier: 'org',
    title: 'Course',
    items,
    sequencing: sequencing ? seq(sequencing) : null,
    sequencingIdRef: null,
    unresolvedSequencingIdRef: false,
    objectivesGlobalToSystem: true,
  };
}

function record(patch: Partial<ScoRecord> = {}): ScoRecord {
  return {
    completion: 'incomplete',
    success: 'unknown',
    scoreScaled: null,
    attemptCount: 1,
    suspended: false,
    ...patch,
  };
}
const completed = (patch: Partial<ScoRecord> = {}) => record({ completion: 'completed', ...patch });
const passed = (patch: Partial<ScoRecord> = {}) =>
  record({ completion: 'completed', success: 'passed', ...patch });
const failed = (patch: Partial<ScoRecord> = {}) =>
  record({ completion: 'completed', success: 'failed', ...patch });

function rule(
  action: string,
  conditions: [condition: string, not?: 'not', referencedObjective?: string, threshold?: number][],
  combination: 'all' | 'any' = 'all',
): SequencingRule {
  return {
    action,
    conditionCombination: combination,
    conditions: conditions.map(([condition, not, referencedObjective, threshold]) => ({
      condition,
      operator: not ? 'not' : 'noOp',
      referencedObjective: referencedObjective ?? null,
      measureThreshold: threshold ?? null,
    })),
  };
}

function rollupRule(
  action: string,
  childActivitySet: RollupRule['childActivitySet'],
  conditions: string[],
  counts: { minimumCount?: number; minimumPercent?: number } = {},
): RollupRule {
  return {
    action,
    childActivitySet,
    minimumCount: counts.minimumCount ?? 0,
    minimumPercent: counts.minimumPercent ?? 0,
    conditionCombination: 'any',
    conditions: conditions.map((condition) =>
      condition.startsWith('!')
        ? { condition: condition.slice(1), operator: 'not' as const }
        : { condition, operator: 'noOp' as const },
    ),
  };
}

/** A navigator over one organization and the learner's records, for short test lines. */
function course(organization: Org, version: ScormVersion = '2004-3rd') {
  const records = new Map<string, ScoRecord>();
  return {
    records,
    set(id: string, value: ScoRecord) {
      records.set(id, value);
      return this;
    },
    nav(
      req: NavRequest['request'] | NavRequest,
      current: string | null = null,
      suspended: string | null = null,
    ): NavOutcome {
      const request = typeof req === 'string' ? { request: req } : req;
      return navigate(organization, version, records, current, request, suspended);
    },
    choice(target: string, current: string | null = null): NavOutcome {
      return navigate(organization, version, records, current, { request: 'choice', target }, null);
    },
    status(id?: string) {
      const tree = evaluate(organization, version, records);
      return id === undefined ? tree.root : tree.items.get(id)!;
    },
  };
}

describe('SCORM sequencing: flow and choice control modes', () => {
  const flowAndChoice = () =>
    course(
      org([sco('a'), cluster('m', [sco('b'), sco('c')], { controlMode: { flow: true } }), sco('d')], {
        controlMode: { flow: true },
      }),
    );

  it('starts at the first leaf and continues in pre-order, ending after the last', () => {
    const c = flowAndChoice();
    expect(c.nav('start')).toEqual({ deliver: 'a' });
    expect(c.nav('continue', 'a')).toEqual({ deliver: 'b' });
    expect(c.nav('continue', 'b')).toEqual({ deliver: 'c' });
    expect(c.nav('continue', 'c')).toEqual({ deliver: 'd' });
    expect(c.nav('continue', 'd')).toEqual({ end: true });
  });

  it('goes back with previous, into the last leaf of a cluster, and refuses before the first', () => {
    const c = flowAndChoice();
    expect(c.nav('previous', 'd')).toEqual({ deliver: 'c' });
    expect(c.nav('previous', 'b')).toEqual({ deliver: 'a' });
    expect(c.nav('previous', 'a')).toEqual({ refused: 'no-previous' });
  });

  it('lets the learner choose any leaf, and a cluster delivers its first leaf', () => {
    const c = flowAndChoice();
    expect(c.choice('d', 'a')).toEqual({ deliver: 'd' });
    expect(c.choice('m', 'd')).toEqual({ deliver: 'b' });
    expect(c.choice('nope', 'a')).toEqual({ refused: 'unknown-target' });
  });

  it('resumes the suspended SCO on start and resumeAll; exit and exitAll end', () => {
    const c = flowAndChoice().set('c', record({ suspended: true }));
    expect(c.nav('start', null, 'c')).toEqual({ deliver: 'c' });
    expect(c.nav('resumeAll', null, 'c')).toEqual({ deliver: 'c' });
    expect(c.nav('resumeAll')).toEqual({ refused: 'nothing-deliverable' });
    expect(c.nav('exit', 'c')).toEqual({ end: true });
    expect(c.nav('exitAll', 'c')).toEqual({ end: true });
  });

  it('refuses continue and previous where flow is off (2004 default), but start still opens the first item', () => {
    const c = course(org([sco('a'), sco('b')]));
    expect(c.nav('continue', 'a')).toEqual({ refused: 'flow-not-allowed' });
    expect(c.nav('previous', 'b')).toEqual({ refused: 'flow-not-allowed' });
    expect(c.nav('start')).toEqual({ deliver: 'a' });
    expect(c.choice('b', 'a')).toEqual({ deliver: 'b' });
    expect(controlsOf(org([sco('a')]), undefined, '2004-3rd')).toEqual({
      choice: true,
      flow: false,
      forwardOnly: false,
    });
  });

  it('refuses choice where the parent has choice=false, also into a cluster of flow only', () => {
    const c = course(
      org([sco('a'), cluster('m', [sco('b'), sco('c')], { controlMode: { choice: false, flow: true } })], {
        controlMode: { flow: true },
      }),
    );
    expect(c.choice('c', 'a')).toEqual({ refused: 'choice-not-allowed' });
    expect(c.choice('m', 'a')).toEqual({ deliver: 'b' });
    expect(c.nav('continue', 'b')).toEqual({ deliver: 'c' });
  });

  it('forced sequential (choice=false, flow=true at the organization) only moves by flow', () => {
    const c = course(org([sco('a'), sco('b'), sco('c')], { controlMode: { choice: false, flow: true } }));
    expect(c.nav('start')).toEqual({ deliver: 'a' });
    expect(c.choice('c', 'a')).toEqual({ refused: 'choice-not-allowed' });
    expect(c.nav('continue', 'a')).toEqual({ deliver: 'b' });
    expect(controlsOf(org([], { controlMode: { choice: false, flow: true } }))).toEqual({
      choice: false,
      flow: true,
      forwardOnly: false,
    });
  });

  it('forwardOnly refuses previous and choosing backward', () => {
    const c = course(org([sco('a'), sco('b'), sco('c')], { controlMode: { flow: true, forwardOnly: true } }));
    expect(c.nav('continue', 'a')).toEqual({ deliver: 'b' });
    expect(c.nav('previous', 'b')).toEqual({ refused: 'forward-only' });
    expect(c.choice('a', 'c')).toEqual({ refused: 'forward-only' });
    expect(c.choice('c', 'a')).toEqual({ deliver: 'c' });
  });

  it('SCORM 1.2 has free choice and flow whatever the manifest', () => {
    const c = course(org([sco('a'), cluster('m', [sco('b')]), sco('c')]), '1.2');
    expect(c.nav('start')).toEqual({ deliver: 'a' });
    expect(c.nav('continue', 'a')).toEqual({ deliver: 'b' });
    expect(c.nav('previous', 'c')).toEqual({ deliver: 'b' });
    expect(c.choice('c', 'a')).toEqual({ deliver: 'c' });
    expect(controlsOf(org([sco('a')]), undefined, '1.2')).toEqual({
      choice: true,
      flow: true,
      forwardOnly: false,
    });
  });
});

describe('SCORM sequencing: odd inputs', () => {
  it('an empty organization has nothing to deliver; an unknown current item counts as none', () => {
    const empty = course(org([]));
    expect(empty.nav('start')).toEqual({ refused: 'nothing-deliverable' });
    expect(empty.status()).toMatchObject({ identifier: 'org', completion: 'not attempted' });
    const c = course(org([sco('a'), sco('b')], { controlMode: { flow: true } }));
    expect(c.nav('continue', 'ghost')).toEqual({ deliver: 'a' });
    expect(c.nav('previous', 'ghost')).toEqual({ refused: 'no-previous' });
    expect(c.choice('org', 'b')).toEqual({ deliver: 'a' });
    expect(c.nav({ request: 'choice' }, 'a')).toEqual({ refused: 'unknown-target' });
  });
});

describe('SCORM sequencing: nested clusters', () => {
  const nested = () =>
    course(
      org(
        [
          cluster('m1', [sco('a'), cluster('m2', [sco('b'), sco('c')], { controlMode: { flow: true } })], {
            controlMode: { flow: true },
          }),
          cluster('m3', [sco('d')], { controlMode: { flow: true }, pre: [rule('skip', [['attempted']])] }),
          cluster('m4', [sco('e')]),
          sco('f'),
        ],
        { controlMode: { flow: true } },
      ),
    );

  it('flow climbs out of nested clusters, skips a whole cluster, and stops at one without flow', () => {
    const c = nested();
    expect(c.nav('continue', 'a')).toEqual({ deliver: 'b' });
    expect(c.nav('continue', 'c')).toEqual({ deliver: 'd' });
    c.set('d', completed());
    expect(c.nav('continue', 'c')).toEqual({ refused: 'flow-not-allowed' });
    expect(c.nav('previous', 'f')).toEqual({ refused: 'flow-not-allowed' });
    expect(c.nav('previous', 'd')).toEqual({ deliver: 'c' });
  });

  it('choice reaches a leaf inside a cluster without flow, but not the cluster itself', () => {
    const c = nested();
    expect(c.choice('e', 'a')).toEqual({ deliver: 'e' });
    expect(c.choice('m4', 'a')).toEqual({ refused: 'flow-not-allowed' });
    expect(c.choice('m2', 'f')).toEqual({ deliver: 'b' });
  });

  it('controls of one item', () => {
    const organization = org([
      cluster('m', [sco('a')], { controlMode: { choice: false, flow: true, forwardOnly: true } }),
    ]);
    expect(controlsOf(organization, 'm', '2004-3rd')).toEqual({
      choice: false,
      flow: true,
      forwardOnly: true,
    });
    expect(controlsOf(organization, 'a', '2004-3rd')).toEqual({
      choice: true,
      flow: false,
      forwardOnly: false,
    });
  });
});

describe('SCORM sequencing: default rollup', () => {
  it('a cluster is completed and passed when all its children are', () => {
    const c = course(org([cluster('m', [sco('a'), sco('b')])]));
    expect(c.status()).toMatchObject({ completion: 'not attempted', success: 'unknown', attempted: false });
    c.set('a', passed());
    expect(c.status('m')).toMatchObject({ completion: 'incomplete', success: 'unknown', attempted: true });
    c.set('b', passed());
    expect(c.status('m')).toMatchObject({ completion: 'completed', success: 'passed' });
    expect(c.status()).toMatchObject({ completion: 'completed', success: 'passed' });
    c.set('b', failed());
    expect(c.status()).toMatchObject({ completion: 'completed', success: 'failed' });
  });
});

describe('SCORM sequencing: pre-condition rules', () => {
  it('skip: flow passes over an item whose rule holds, both ways', () => {
    const c = course(
      org([sco('a'), sco('b', { pre: [rule('skip', [['completed']])] }), sco('c')], {
        controlMode: { flow: true },
      }),
    );
    expect(c.nav('continue', 'a')).toEqual({ deliver: 'b' });
    c.set('b', completed());
    expect(c.status('b').skipped).toBe(true);
    expect(c.nav('continue', 'a')).toEqual({ deliver: 'c' });
    expect(c.nav('previous', 'c')).toEqual({ deliver: 'a' });
  });
});

describe('SCORM sequencing: explicit rollup rules', () => {
  it('any: one completed child completes the cluster', () => {
    const c = course(
      org([
        cluster('m', [sco('a'), sco('b')], {
          rollup: { rules: [rollupRule('completed', 'any', ['completed'])] },
        }),
      ]),
    );
    c.set('a', completed());
    expect(c.status('m').completion).toBe('completed');
  });
});

/** A 2004 3rd edition package whose items follow one another as in Rustici's forced-sequential golf example. */
function forcedSequentialManifest(): string {
  const ids = ['intro', 'rules', 'scoring', 'quiz'];
  const items = ids
    .map((id, index) => {
      const previous = ids[index - 1];
      const prerequisite = previous
        ? `<imsss:sequencingRules><imsss:preConditionRule>
             <imsss:ruleConditions conditionCombination="any">
               <imsss:ruleCondition referencedObjective="previous_done" operator="not" condition="satisfied"/>
               <imsss:ruleCondition referencedObjective="previous_done" operator="not" condition="objectiveStatusKnown"/>
             </imsss:ruleConditions>
             <imsss:ruleAction action="disabled"/>
           </imsss:preConditionRule></imsss:sequencingRules>`
        : '';
      const reads = previous
        ? `<imsss:objective objectiveID="previous_done">
             <imsss:mapInfo targetObjectiveID="test.${previous}" readSatisfiedStatus="true" writeSatisfiedStatus="false"/>
           </imsss:objective>`
        : '';
      return `<item identifier="${id}" identifierref="${id}_res"><title>${id}</title>
        <imsss:sequencing IDRef="shared">${prerequisite}
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="${id}_done">
              <imsss:mapInfo targetObjectiveID="test.${id}" readSatisfiedStatus="true" writeSatisfiedStatus="true"/>
            </imsss:primaryObjective>${reads}
          </imsss:objectives>
        </imsss:sequencing></item>`;
    })
    .join('\n');
  const resources = ids
    .map(
      (id) =>
        `<resource identifier="${id}_res" type="webcontent" adlcp:scormType="sco" href="${id}.html"><file href="${id}.html"/></resource>`,
    )
    .join('\n');
  return `<?xml version="1.0"?>
<manifest identifier="test.forced" version="1" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 3rd Edition</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org" adlseq:objectivesGlobalToSystem="false"><title>Forced</title>
      ${items}
      <imsss:sequencing><imsss:controlMode choice="true" flow="true"/></imsss:sequencing>
    </organization>
  </organizations>
  <resources>${resources}</resources>
  <imsss:sequencingCollection>
    <imsss:sequencing ID="shared">
      <imsss:rollupRules objectiveMeasureWeight="0"/>
      <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
    </imsss:sequencing>
  </imsss:sequencingCollection>
</manifest>`;
}

/** The organization as publishing freezes it, from a manifest read by the package library. */
function frozenFrom(manifestSource: string, files: string[]): { organization: Org; version: ScormVersion } {
  const check = checkPackage(
    manifestSource,
    files.map((path) => ({ path })),
  );
  expect(check.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  const manifest = check.manifest!;
  const types = new Map(manifest.resources.map((resource) => [resource.identifier, resource.scormType]));
  const freeze = (items: ScormItem[]): FrozenScormItem[] =>
    items.map((entry) => ({
      ...entry,
      scormType: entry.identifierref ? (types.get(entry.identifierref) ?? null) : null,
      children: freeze(entry.children),
    }));
  const organization = manifest.organization!;
  return { organization: { ...organization, items: freeze(organization.items) }, version: manifest.version };
}

describe('SCORM sequencing: forced sequential order read from a manifest', () => {
  const { organization, version } = frozenFrom(forcedSequentialManifest(), [
    'intro.html',
    'rules.html',
    'scoring.html',
    'quiz.html',
  ]);

  it('reads the sequencing collection and the shared objectives of the manifest', () => {
    expect(version).toBe('2004-3rd');
    expect(controlsOf(organization, undefined, version)).toEqual({
      choice: true,
      flow: true,
      forwardOnly: false,
    });
    const c = course(organization, version);
    expect(c.status('intro').disabled).toBe(false);
    expect(c.status('rules').disabled).toBe(true);
    expect(c.status('quiz').disabled).toBe(true);
  });

  it('disables each item until the one before it is satisfied, for flow and for choice', () => {
    const c = course(organization, version);
    expect(c.nav('start')).toEqual({ deliver: 'intro' });
    expect(c.choice('rules', 'intro')).toEqual({ refused: 'disabled' });
    c.set('intro', record({ completion: 'completed', success: 'unknown' }));
    expect(c.nav('continue', 'intro')).toEqual({ refused: 'disabled' });
    c.set('intro', passed());
    expect(c.nav('continue', 'intro')).toEqual({ deliver: 'rules' });
    expect(c.choice('scoring', 'rules')).toEqual({ refused: 'disabled' });
    c.set('rules', passed());
    expect(c.choice('scoring', 'rules')).toEqual({ deliver: 'scoring' });
    // Back to review is always possible.
    expect(c.choice('intro', 'scoring')).toEqual({ deliver: 'intro' });
    expect(c.nav('previous', 'scoring')).toEqual({ deliver: 'rules' });
  });

  it('completes and satisfies the course when every item is, and rolls up no score (weight 0)', () => {
    const c = course(organization, version);
    for (const id of ['intro', 'rules', 'scoring']) c.set(id, passed({ scoreScaled: 0.5 }));
    expect(c.status()).toMatchObject({ completion: 'incomplete', success: 'unknown', scoreScaled: null });
    c.set('quiz', passed({ scoreScaled: 0.9 }));
    expect(c.status()).toMatchObject({ completion: 'completed', success: 'passed', scoreScaled: null });
    expect(c.nav('continue', 'quiz')).toEqual({ end: true });
  });
});

describe('SCORM sequencing: more pre-condition rules', () => {
  it('disabled: shown as disabled, refused by choice and by flow', () => {
    const c = course(
      org([sco('a'), sco('b', { pre: [rule('disabled', [['attempted', 'not']])] })], {
        controlMode: { flow: true },
      }),
    );
    expect(c.status('b').disabled).toBe(true);
    expect(c.choice('b', 'a')).toEqual({ refused: 'disabled' });
    expect(c.nav('continue', 'a')).toEqual({ refused: 'disabled' });
  });

  it('a disabled cluster disables what is inside it', () => {
    const c = course(
      org(
        [
          sco('a'),
          cluster('m', [sco('b')], { controlMode: { flow: true }, pre: [rule('disabled', [['always']])] }),
        ],
        {
          controlMode: { flow: true },
        },
      ),
    );
    expect(c.status('b').disabled).toBe(true);
    expect(c.choice('b', 'a')).toEqual({ refused: 'disabled' });
    expect(c.nav('continue', 'a')).toEqual({ refused: 'disabled' });
  });

  it('hiddenFromChoice: the item and its children cannot be chosen, but flow still reaches them', () => {
    const c = course(
      org(
        [
          sco('a'),
          cluster('m', [sco('b')], {
            controlMode: { flow: true },
            pre: [rule('hiddenFromChoice', [['always']])],
          }),
        ],
        { controlMode: { flow: true } },
      ),
    );
    expect(c.status('m').hiddenFromChoice).toBe(true);
    expect(c.status('b').hiddenFromChoice).toBe(true);
    expect(c.choice('b', 'a')).toEqual({ refused: 'hidden' });
    expect(c.nav('continue', 'a')).toEqual({ deliver: 'b' });
  });

  it('isvisible=false items cannot be chosen but are delivered by flow', () => {
    const c = course(org([sco('a'), sco('b', undefined, { isVisible: false })]), '1.2');
    expect(c.choice('b', 'a')).toEqual({ refused: 'hidden' });
    expect(c.nav('continue', 'a')).toEqual({ deliver: 'b' });
  });

  it('stopForwardTraversal: choice may not jump forward past the item', () => {
    const c = course(
      org([sco('a', { pre: [rule('stopForwardTraversal', [['satisfied', 'not']])] }), sco('b'), sco('c')], {
        controlMode: { flow: true },
      }),
    );
    c.set('a', failed());
    expect(c.choice('c', 'a')).toEqual({ refused: 'choice-not-allowed' });
    c.set('a', passed());
    expect(c.choice('c', 'a')).toEqual({ deliver: 'c' });
  });

  it('stopForwardTraversal on a cluster: choice may not enter it from before it', () => {
    const c = course(
      org(
        [sco('a'), cluster('m', [sco('b'), sco('c')], { pre: [rule('stopForwardTraversal', [['always']])] })],
        {
          controlMode: { flow: true },
        },
      ),
    );
    expect(c.choice('c', 'a')).toEqual({ refused: 'choice-not-allowed' });
    expect(c.choice('c', 'b')).toEqual({ deliver: 'c' });
    expect(c.choice('a', 'c')).toEqual({ deliver: 'a' });
  });

  it('conditions are three-valued: `not satisfied` does not hold while the status is unknown', () => {
    const c = course(org([sco('a'), sco('b', { pre: [rule('disabled', [['satisfied', 'not']])] })]));
    expect(c.status('b').disabled).toBe(false);
    c.set('b', failed());
    expect(c.status('b').disabled).toBe(true);
  });

  it('measure conditions and any-combination', () => {
    const skipIfGood = rule(
      'skip',
      [
        ['objectiveMeasureGreaterThan', undefined, undefined, 0.8],
        ['objectiveMeasureLessThan', undefined, undefined, -0.5],
      ],
      'any',
    );
    const c = course(
      org([sco('a'), sco('b', { pre: [skipIfGood] }), sco('c')], { controlMode: { flow: true } }),
    );
    c.set('b', completed({ scoreScaled: 0.5 }));
    expect(c.nav('continue', 'a')).toEqual({ deliver: 'b' });
    c.set('b', completed({ scoreScaled: 0.9 }));
    expect(c.nav('continue', 'a')).toEqual({ deliver: 'c' });
    c.set('b', completed({ scoreScaled: -0.9 }));
    expect(c.nav('continue', 'a')).toEqual({ deliver: 'c' });
  });

  it('choiceExit=false keeps choice inside the running cluster', () => {
    const c = course(
      org(
        [cluster('m', [sco('a'), sco('b')], { controlMode: { choiceExit: false, flow: true } }), sco('c')],
        {
          controlMode: { flow: true },
        },
      ),
    );
    expect(c.choice('b', 'a')).toEqual({ deliver: 'b' });
    expect(c.choice('c', 'a')).toEqual({ refused: 'choice-not-allowed' });
    expect(c.nav('continue', 'b')).toEqual({ deliver: 'c' });
  });

  it('refuses a leaf with nothing to launch, and flow passes over it', () => {
    const c = course(
      org([sco('a'), sco('b', undefined, { launchUrl: null }), sco('c')], { controlMode: { flow: true } }),
    );
    expect(c.choice('b', 'a')).toEqual({ refused: 'not-launchable' });
    expect(c.nav('continue', 'a')).toEqual({ deliver: 'c' });
  });
});

describe('SCORM sequencing: attempt limits', () => {
  const limited = () =>
    course(org([sco('a'), sco('quiz', { attemptLimit: 1 }), sco('c')], { controlMode: { flow: true } }));

  it('allows attempts up to the limit, then disables the item', () => {
    const c = limited();
    expect(c.choice('quiz', 'a')).toEqual({ deliver: 'quiz' });
    c.set('quiz', failed());
    expect(c.status('quiz').disabled).toBe(true);
    expect(c.choice('quiz', 'a')).toEqual({ refused: 'disabled' });
    expect(c.nav('continue', 'a')).toEqual({ refused: 'disabled' });
  });

  it('a suspended attempt is not a new one: it may be resumed', () => {
    const c = limited().set('quiz', record({ suspended: true }));
    expect(c.status('quiz').disabled).toBe(false);
    expect(c.choice('quiz', 'a')).toEqual({ deliver: 'quiz' });
    expect(c.nav('start', null, 'quiz')).toEqual({ deliver: 'quiz' });
  });

  it('attemptLimit 0 means no limit, and attemptLimitExceeded can drive a rule', () => {
    const c = course(
      org(
        [
          sco('a'),
          sco('b', { attemptLimit: 0 }),
          sco('quiz', { attemptLimit: 2, pre: [rule('skip', [['attemptLimitExceeded']])] }),
          sco('d'),
        ],
        { controlMode: { flow: true } },
      ),
    );
    c.set('b', completed({ attemptCount: 9 }));
    expect(c.choice('b', 'a')).toEqual({ deliver: 'b' });
    c.set('quiz', failed({ attemptCount: 2 }));
    expect(c.nav('continue', 'b')).toEqual({ deliver: 'd' });
  });
});

describe('SCORM sequencing: explicit rollup rules by child activity set', () => {
  const withRules = (rules: RollupRule[], children = ['a', 'b', 'c', 'd']) =>
    course(
      org([
        cluster(
          'm',
          children.map((id) => sco(id)),
          { rollup: { rules } },
        ),
      ]),
    );

  it('all', () => {
    const c = withRules([rollupRule('satisfied', 'all', ['satisfied'])]);
    for (const id of ['a', 'b', 'c']) c.set(id, passed());
    expect(c.status('m').success).toBe('unknown');
    c.set('d', passed());
    expect(c.status('m').success).toBe('passed');
  });

  it('none', () => {
    const c = withRules([rollupRule('notSatisfied', 'none', ['satisfied'])], ['a', 'b']);
    c.set('a', failed()).set('b', failed());
    expect(c.status('m').success).toBe('failed');
    c.set('b', passed());
    expect(c.status('m').success).toBe('unknown');
  });

  it('atLeastCount', () => {
    const c = withRules([rollupRule('completed', 'atLeastCount', ['completed'], { minimumCount: 2 })]);
    c.set('a', completed());
    expect(c.status('m').completion).toBe('incomplete');
    c.set('c', completed());
    expect(c.status('m').completion).toBe('completed');
  });

  it('atLeastPercent', () => {
    const c = withRules([
      rollupRule('satisfied', 'atLeastPercent', ['satisfied'], { minimumPercent: 0.75 }),
      rollupRule('notSatisfied', 'any', ['!satisfied']),
    ]);
    c.set('a', passed()).set('b', passed());
    expect(c.status('m').success).toBe('unknown');
    c.set('c', failed());
    expect(c.status('m').success).toBe('failed');
    c.set('c', passed());
    expect(c.status('m').success).toBe('passed');
  });

  it('satisfied rules win over notSatisfied ones when both hold', () => {
    const c = withRules(
      [rollupRule('notSatisfied', 'any', ['!satisfied']), rollupRule('satisfied', 'any', ['satisfied'])],
      ['a', 'b'],
    );
    c.set('a', passed()).set('b', failed());
    expect(c.status('m').success).toBe('passed');
  });

  it('declaring only completion rules keeps the default status rules', () => {
    const c = withRules([rollupRule('completed', 'any', ['attempted'])], ['a', 'b']);
    c.set('a', passed({ completion: 'incomplete' })).set('b', passed());
    expect(c.status('m')).toMatchObject({ completion: 'completed', success: 'passed' });
  });

  it('children that do not roll up, are not tracked, or fail a consideration are left out', () => {
    const c = course(
      org([
        cluster('m', [
          sco('a'),
          sco('b', { rollup: { rollupObjectiveSatisfied: false, rollupProgressCompletion: false } }),
          sco('c', { deliveryControls: { tracked: false } }),
          sco('d', {
            considerations: {
              requiredForSatisfied: 'ifAttempted',
              requiredForNotSatisfied: 'ifAttempted',
              requiredForCompleted: 'ifAttempted',
              requiredForIncomplete: 'ifAttempted',
            },
          }),
        ]),
      ]),
    );
    c.set('a', passed());
    expect(c.status('m')).toMatchObject({ completion: 'completed', success: 'passed' });
    expect(c.status('c').completion).toBe('unknown');
    c.set('d', record({ completion: 'incomplete' }));
    expect(c.status('m').completion).toBe('incomplete');
  });
});

describe('SCORM sequencing: rollup considerations', () => {
  it('ifNotSkipped leaves out children a skip rule passes over; ifNotSuspended those left suspended', () => {
    const c = course(
      org([
        cluster('m', [
          sco('a'),
          sco('optional', {
            pre: [rule('skip', [['always']])],
            considerations: { requiredForCompleted: 'ifNotSkipped', requiredForIncomplete: 'ifNotSkipped' },
          }),
          sco('paused', {
            considerations: {
              requiredForCompleted: 'ifNotSuspended',
              requiredForIncomplete: 'ifNotSuspended',
            },
          }),
        ]),
      ]),
    );
    c.set('a', completed()).set('paused', completed());
    expect(c.status('m').completion).toBe('completed');
    c.set('paused', record({ suspended: true }));
    expect(c.status('m').completion).toBe('completed');
    c.set('paused', record());
    expect(c.status('m').completion).toBe('incomplete');
  });
});

describe('SCORM sequencing: measure rollup', () => {
  it('weights children by objectiveMeasureWeight; unknown measures count as nothing', () => {
    const c = course(
      org([
        cluster('m', [
          sco('a', { rollup: { objectiveMeasureWeight: 3 } }),
          sco('b', { rollup: { objectiveMeasureWeight: 1 } }),
          sco('notes', { rollup: { objectiveMeasureWeight: 0 } }),
        ]),
      ]),
    );
    expect(c.status('m').scoreScaled).toBeNull();
    c.set('a', completed({ scoreScaled: 0.8 })).set('notes', completed({ scoreScaled: -1 }));
    expect(c.status('m').scoreScaled).toBeCloseTo(0.6);
    c.set('b', completed({ scoreScaled: 0.4 }));
    expect(c.status('m').scoreScaled).toBeCloseTo(0.7);
    expect(c.status().scoreScaled).toBeCloseTo(0.7);
  });

  it('satisfiedByMeasure decides status by the rolled-up measure', () => {
    const c = course(
      org([sco('a'), sco('b')], { primary: { satisfiedByMeasure: true, minNormalizedMeasure: 0.6 } }),
    );
    c.set('a', passed({ scoreScaled: 0.9 })).set('b', passed({ scoreScaled: 0.2 }));
    expect(c.status()).toMatchObject({ success: 'failed', scoreScaled: 0.55 });
    c.set('b', failed({ scoreScaled: 0.5 }));
    expect(c.status()).toMatchObject({ success: 'passed', scoreScaled: 0.7 });
  });
});

describe('SCORM sequencing: measureSatisfactionIfActive', () => {
  it('false: a running attempt decides nothing by measure until it ends', () => {
    const byMeasure = { satisfiedByMeasure: true, minNormalizedMeasure: 0.5 };
    const c = course(
      org([
        sco('a', { primary: byMeasure, considerations: { measureSatisfactionIfActive: false } }),
        sco('b'),
      ]),
    );
    c.set('a', record({ scoreScaled: 0.9, active: true }));
    expect(c.status('a').success).toBe('unknown');
    c.set('a', record({ scoreScaled: 0.9 }));
    expect(c.status('a').success).toBe('passed');
  });
});

describe('SCORM sequencing: delivery controls', () => {
  it('an ended attempt the content reported nothing for counts as completed and satisfied', () => {
    const c = course(
      org([
        sco('a'),
        sco('b', { deliveryControls: { completionSetByContent: true, objectiveSetByContent: true } }),
      ]),
    );
    c.set('a', record({ completion: 'unknown', active: true }));
    expect(c.status('a')).toMatchObject({ completion: 'incomplete', success: 'unknown' });
    c.set('a', record({ completion: 'unknown' }));
    expect(c.status('a')).toMatchObject({ completion: 'completed', success: 'passed' });
    c.set('b', record({ completion: 'unknown' }));
    expect(c.status('b')).toMatchObject({ completion: 'incomplete', success: 'unknown' });
  });

  it('a completion threshold decides completion from the progress measure', () => {
    const threshold = { completedByMeasure: true, minProgressMeasure: 0.8, progressWeight: 1 };
    const c = course(org([sco('a', undefined, { completionThreshold: threshold })]));
    c.set('a', record({ completion: 'completed', progressMeasure: 0.5 }));
    expect(c.status('a').completion).toBe('incomplete');
    c.set('a', record({ completion: 'incomplete', progressMeasure: 0.8 }));
    expect(c.status('a').completion).toBe('completed');
  });

  it('a cluster completed by measure rolls up progress weighted by progressWeight (4th edition)', () => {
    const weight = (progressWeight: number) => ({
      completedByMeasure: false,
      minProgressMeasure: 1,
      progressWeight,
    });
    const c = course(
      org([
        item(
          'm',
          [
            sco('a', undefined, { completionThreshold: weight(1) }),
            sco('b', undefined, { completionThreshold: weight(3) }),
          ],
          {
            completionThreshold: { completedByMeasure: true, minProgressMeasure: 0.5, progressWeight: 1 },
          },
        ),
      ]),
      '2004-4th',
    );
    c.set('a', completed({ progressMeasure: 1 }));
    expect(c.status('m').completion).toBe('incomplete');
    c.set('b', record({ progressMeasure: 0.4 }));
    expect(c.status('m').completion).toBe('completed');
  });

  it('assets are completed once launched, in 1.2 too', () => {
    const c = course(org([sco('a', undefined, { scormType: 'asset' })]), '1.2');
    c.set('a', record({ completion: 'not attempted' }));
    expect(c.status('a').completion).toBe('incomplete');
    c.set('a', record({ completion: 'unknown' }));
    expect(c.status('a').completion).toBe('completed');
  });
});

describe('SCORM sequencing: exit and post-condition rules', () => {
  it('retry: the SCO is delivered again while it is not satisfied', () => {
    const c = course(
      org([sco('quiz', { post: [rule('retry', [['satisfied', 'not']])] }), sco('b')], {
        controlMode: { flow: true },
      }),
    );
    c.set('quiz', failed());
    expect(c.nav('continue', 'quiz')).toEqual({ deliver: 'quiz' });
    c.set('quiz', passed());
    expect(c.nav('continue', 'quiz')).toEqual({ deliver: 'b' });
  });

  it('exitParent then continue: leaves the cluster for what follows it', () => {
    const c = course(
      org(
        [
          cluster('pre', [sco('pretest', { post: [rule('exitParent', [['satisfied']])] }), sco('lesson')], {
            controlMode: { flow: true },
            post: [rule('continue', [['always']])],
          }),
          sco('next'),
        ],
        { controlMode: { flow: true } },
      ),
    );
    c.set('pretest', failed());
    expect(c.nav('continue', 'pretest')).toEqual({ deliver: 'lesson' });
    c.set('pretest', passed());
    expect(c.nav('continue', 'pretest')).toEqual({ deliver: 'next' });
    expect(c.nav('exit', 'pretest')).toEqual({ deliver: 'next' });
  });

  it('exit action rules of an ancestor end its attempt; retryAll restarts the course; exitAll ends it', () => {
    const exitCluster = course(
      org(
        [
          cluster('m', [sco('a'), sco('b')], {
            controlMode: { flow: true },
            exit: [rule('exit', [['completed']])],
          }),
          sco('c'),
        ],
        { controlMode: { flow: true } },
      ),
    );
    exitCluster.set('a', completed()).set('b', completed());
    expect(exitCluster.nav('previous', 'b')).toEqual({ refused: 'no-previous' });

    const retryAll = course(
      org([sco('a'), sco('b', { post: [rule('retryAll', [['satisfied', 'not']])] })], {
        controlMode: { flow: true },
      }),
    );
    retryAll.set('b', failed());
    expect(retryAll.nav('continue', 'b')).toEqual({ deliver: 'a' });

    const exitAll = course(
      org([sco('a', { post: [rule('exitAll', [['completed']])] }), sco('b')], {
        controlMode: { flow: true },
      }),
    );
    exitAll.set('a', completed());
    expect(exitAll.nav('continue', 'a')).toEqual({ end: true });
  });

  it('post-condition rules see the attempt as ended even if it was stored as running', () => {
    const c = course(
      org([sco('a', { post: [rule('exitAll', [['completed']])] }), sco('b')], {
        controlMode: { flow: true },
      }),
    );
    c.set('a', record({ completion: 'unknown', active: true }));
    expect(c.nav('continue', 'a')).toEqual({ end: true });
  });
});

describe('SCORM sequencing: remediation through a hidden wrapper (the pattern of Rustici simple remediation)', () => {
  const topics = ['playing', 'rules'];
  const shared = (topic: string, write: boolean) => ({
    objectiveId: 'topic',
    mapInfo: [
      {
        targetObjectiveId: `g.${topic}`,
        readSatisfiedStatus: true,
        readNormalizedMeasure: false,
        writeSatisfiedStatus: write,
        writeNormalizedMeasure: write,
      },
    ],
  });
  const skipWhenSatisfied = [rule('skip', [['satisfied']])];
  const content = (topic: string) =>
    sco(topic, {
      pre: skipWhenSatisfied,
      primary: shared(topic, false),
      rollup: { rollupObjectiveSatisfied: false, rollupProgressCompletion: false, objectiveMeasureWeight: 0 },
      deliveryControls: { completionSetByContent: true, objectiveSetByContent: true },
    });
  const test = (topic: string, last: boolean) =>
    sco(`${topic}-test`, {
      pre: skipWhenSatisfied,
      post: last ? [rule('exitParent', [['always']])] : [],
      primary: shared(topic, true),
      considerations: { requiredForCompleted: 'ifNotSkipped' },
      deliveryControls: { completionSetByContent: true, objectiveSetByContent: true },
    });
  const remediation = () =>
    course(
      org(
        [
          item(
            'wrapper',
            [...topics.map(content), ...topics.map((topic, i) => test(topic, i === topics.length - 1))],
            {
              isVisible: false,
              sequencing: seq({
                controlMode: { choice: false, flow: true, choiceExit: false },
                post: [
                  rule(
                    'retry',
                    [
                      ['satisfied', 'not'],
                      ['objectiveStatusKnown', 'not'],
                    ],
                    'any',
                  ),
                  rule('exitAll', [['satisfied']]),
                ],
              }),
            },
          ),
        ],
        { controlMode: { choice: false, flow: true } },
      ),
    );

  it('goes through everything once, then retries only what was failed, then ends', () => {
    const c = remediation();
    expect(c.nav('start')).toEqual({ deliver: 'playing' });
    c.set('playing', completed({ success: 'unknown' }));
    expect(c.nav('continue', 'playing')).toEqual({ deliver: 'rules' });
    c.set('rules', completed({ success: 'unknown' }));
    expect(c.nav('continue', 'rules')).toEqual({ deliver: 'playing-test' });
    c.set('playing-test', passed({ scoreScaled: 0.9 }));
    expect(c.nav('continue', 'playing-test')).toEqual({ deliver: 'rules-test' });
    c.set('rules-test', failed({ scoreScaled: 0.2 }));
    expect(c.status('playing').success).toBe('passed');
    expect(c.status('wrapper')).toMatchObject({ completion: 'completed', success: 'failed' });
    // The last test exits the wrapper, whose post-condition retries it: only the failed topic is left.
    expect(c.nav('continue', 'rules-test')).toEqual({ deliver: 'rules' });
    expect(c.nav('continue', 'rules')).toEqual({ deliver: 'rules-test' });
    c.set('rules-test', passed({ scoreScaled: 0.8, attemptCount: 2 }));
    expect(c.status()).toMatchObject({ completion: 'completed', success: 'passed' });
    expect(c.status().scoreScaled).toBeCloseTo(0.85);
    expect(c.nav('continue', 'rules-test')).toEqual({ end: true });
  });
});

describe('SCORM sequencing: test out with a pre-test or pass a post-test (the pattern of Rustici pre-or-post-test rollup)', () => {
  const global = (target: string, write: boolean, read = true) => ({
    targetObjectiveId: target,
    readSatisfiedStatus: read,
    readNormalizedMeasure: read,
    writeSatisfiedStatus: write,
    writeNormalizedMeasure: write,
  });
  const objective = (objectiveId: string, maps: ReturnType<typeof global>[]) => ({
    objectiveId,
    satisfiedByMeasure: false,
    minNormalizedMeasure: 1,
    mapInfo: maps,
  });
  const disabledWhenPassed = rule('disabled', [['satisfied', undefined, 'assessment']]);
  const build = () =>
    course(
      org(
        [
          item(
            'wrapper',
            [
              sco('pretest', {
                attemptLimit: 1,
                pre: [rule('disabled', [['attemptLimitExceeded']]), disabledWhenPassed],
                primary: objective('assessment', [global('g.assessment', true)]),
              }),
              item('content', [sco('c1'), sco('c2')], {
                isVisible: false,
                sequencing: seq({
                  controlMode: { flow: true },
                  rollup: { rules: [rollupRule('satisfied', 'all', ['completed'])] },
                  primary: objective('content', [global('g.content', true)]),
                }),
              }),
              sco('posttest', {
                pre: [
                  disabledWhenPassed,
                  rule(
                    'disabled',
                    [
                      ['satisfied', 'not', 'content'],
                      ['objectiveStatusKnown', 'not', 'content'],
                    ],
                    'any',
                  ),
                ],
                primary: objective('assessment', [global('g.assessment', true)]),
                others: [objective('content', [global('g.content', false)])],
              }),
            ],
            {
              isVisible: false,
              sequencing: seq({
                controlMode: { flow: true },
                rollup: {
                  rules: [
                    rollupRule('incomplete', 'any', ['completed']),
                    rollupRule('completed', 'all', ['completed']),
                  ],
                },
                primary: objective('assessment', [global('g.assessment', false)]),
              }),
            },
          ),
        ],
        { controlMode: { flow: true }, rollup: { rules: [rollupRule('completed', 'any', ['satisfied'])] } },
      ),
    );

  it('passing the pre-test completes the course and disables both tests', () => {
    const c = build();
    expect(c.status('posttest').disabled).toBe(true);
    expect(c.nav('start')).toEqual({ deliver: 'pretest' });
    c.set('pretest', passed({ scoreScaled: 0.9 }));
    expect(c.status('pretest').disabled).toBe(true);
    expect(c.status('posttest').disabled).toBe(true);
    expect(c.status()).toMatchObject({ completion: 'completed', success: 'passed' });
  });

  it('after a failed pre-test, the content then the post-test', () => {
    const c = build();
    c.set('pretest', failed({ scoreScaled: 0.2 }));
    expect(c.choice('pretest', 'c1')).toEqual({ refused: 'disabled' });
    expect(c.nav('continue', 'pretest')).toEqual({ deliver: 'c1' });
    c.set('c1', completed());
    expect(c.choice('posttest', 'c1')).toEqual({ refused: 'disabled' });
    c.set('c2', completed());
    expect(c.status('content').success).toBe('passed');
    expect(c.nav('continue', 'c2')).toEqual({ deliver: 'posttest' });
    expect(c.status()).toMatchObject({ completion: 'incomplete', success: 'failed' });
    c.set('posttest', passed({ scoreScaled: 0.8 }));
    expect(c.status()).toMatchObject({ completion: 'completed', success: 'passed' });
  });
});

describe('SCORM sequencing: selection from a test bank (selectCount)', () => {
  const bank = () =>
    org(
      [
        sco('intro'),
        item(
          'posttest',
          ['t1', 't2', 't3', 't4'].map((id) => sco(id)),
          {
            sequencing: {
              ...seq({ controlMode: { flow: true } }),
              randomizationControls: {
                randomizationTiming: 'never',
                selectCount: 1,
                reorderChildren: false,
                selectionTiming: 'onEachNewAttempt',
              },
            },
          },
        ),
      ],
      { controlMode: { flow: true } },
    );
  const selectedOf = (seed?: string) => {
    const tree = evaluate(bank(), '2004-3rd', new Map(), seed === undefined ? {} : { seed });
    return ['t1', 't2', 't3', 't4'].filter((id) => !tree.items.get(id)!.disabled);
  };

  it('without a seed the first children are taken; the others cannot be reached', () => {
    const c = course(bank());
    expect(selectedOf()).toEqual(['t1']);
    expect(c.status('t3')).toMatchObject({ disabled: true, hiddenFromChoice: true });
    expect(c.nav('continue', 'intro')).toEqual({ deliver: 't1' });
    expect(c.nav('continue', 't1')).toEqual({ end: true });
    expect(c.choice('t3', 'intro')).toEqual({ refused: 'hidden' });
    c.set('intro', completed()).set('t1', passed());
    expect(c.status()).toMatchObject({ completion: 'completed', success: 'passed' });
  });

  it('with a seed each learner gets one test of the bank, always the same one', () => {
    const picks = ['learner-1', 'learner-2', 'learner-3', 'learner-4', 'learner-5', 'learner-6'].map(
      selectedOf,
    );
    for (const pick of picks) expect(pick).toHaveLength(1);
    expect(new Set(picks.map((pick) => pick[0])).size).toBeGreaterThan(1);
    expect(selectedOf('learner-2')).toEqual(picks[1]);
    const [chosen] = picks[0]!;
    const delivered = navigate(bank(), '2004-3rd', new Map(), 'intro', { request: 'continue' }, null, {
      seed: 'learner-1',
    });
    expect(delivered).toEqual({ deliver: chosen });
  });
});

describe('SCORM sequencing: SCORM 1.2 prerequisites', () => {
  const withPrerequisites = (expression: string) =>
    course(
      org([sco('a'), sco('b'), sco('c'), sco('target', undefined, { prerequisites: expression })]),
      '1.2',
    );

  it('an item is disabled until its prerequisite item is passed or completed', () => {
    const c = withPrerequisites('a');
    expect(c.status('target').disabled).toBe(true);
    expect(c.choice('target', 'a')).toEqual({ refused: 'disabled' });
    expect(c.nav('continue', 'c')).toEqual({ refused: 'disabled' });
    c.set('a', record({ completion: 'incomplete' }));
    expect(c.status('target').disabled).toBe(true);
    c.set('a', completed());
    expect(c.choice('target', 'a')).toEqual({ deliver: 'target' });
    expect(c.nav('continue', 'c')).toEqual({ deliver: 'target' });
  });

  it('combines items with &, |, ~ and parentheses', () => {
    const c = withPrerequisites('a & (b | ~c)');
    expect(c.status('target').disabled).toBe(true);
    c.set('a', completed());
    expect(c.status('target').disabled).toBe(false);
    c.set('c', completed());
    expect(c.status('target').disabled).toBe(true);
    c.set('b', passed());
    expect(c.status('target').disabled).toBe(false);
  });

  it('n*{...} needs that many of the set; = and <> compare a status', () => {
    const set = withPrerequisites('2*{a,b,c}');
    set.set('a', completed());
    expect(set.status('target').disabled).toBe(true);
    set.set('c', passed());
    expect(set.status('target').disabled).toBe(false);

    const compare = withPrerequisites('a="failed" | b<>"not attempted"');
    expect(compare.status('target').disabled).toBe(true);
    compare.set('a', failed());
    expect(compare.status('target').disabled).toBe(false);
    compare.set('a', passed()).set('b', record());
    expect(compare.status('target').disabled).toBe(false);
  });

  it('unreadable prerequisites, and identifiers naming no item, do not block the learner', () => {
    expect(withPrerequisites('a & (').status('target').disabled).toBe(false);
    expect(withPrerequisites('ghost').status('target').disabled).toBe(false);
  });

  it('prerequisites are a 1.2 feature: 2004 ignores them', () => {
    const c = course(org([sco('a'), sco('target', undefined, { prerequisites: 'a' })]), '2004-4th');
    expect(c.status('target').disabled).toBe(false);
  });

  it('1.2 rollup: the course is completed when every item is; passed/failed also finish a lesson', () => {
    const c = course(org([sco('a'), cluster('m', [sco('b')])]), '1.2');
    c.set('a', record({ completion: 'unknown', success: 'passed' }));
    expect(c.status()).toMatchObject({ completion: 'incomplete' });
    c.set('b', completed());
    expect(c.status()).toMatchObject({ completion: 'completed' });
  });
});
