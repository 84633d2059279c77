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
