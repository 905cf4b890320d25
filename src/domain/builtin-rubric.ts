import { defaultAgenda, type Rubric } from './rubric';

export const BUILTIN_RUBRIC_ID = 'production-incident-review';

/**
 * The rubric Loopcard ships with. Read-only: a change is a new version, never an edit, so every
 * scorecard keeps the exact text it was scored against.
 */
export const BUILTIN_RUBRIC: Rubric = {
  id: BUILTIN_RUBRIC_ID,
  version: 1,
  lineage: BUILTIN_RUBRIC_ID,
  basedOn: null,
  author: '',
  title: 'Production incident review',
  prompt:
    'Walk us through a production ML incident that you personally owned. Take it from the first signal to what changed afterwards: what fired, how you found the cause, what stopped the damage, how you rolled back, and what you did so it cannot happen again.',
  dimensions: [
    {
      key: 'trigger',
      title: 'Trigger',
      focus: 'What fired, how it was detected, and what the first signal was.',
      good: 'Names the alert or signal, who was paged and when, and the gap between the fault starting and someone knowing.',
      probes: [
        'What was the very first signal, and who or what noticed it?',
        'How long was the problem live before anyone knew?',
        'Would your monitoring catch it faster today?',
      ],
      anchors: {
        1: 'Cannot say how the incident was detected, or describes it only as "users complained" with no detail.',
        2: 'Names a signal in general terms (a dashboard, a complaint) but not the alert, the threshold or the timing.',
        3: 'Names the specific alert or metric, who was paged, and roughly how long detection took.',
        4: 'Gives the exact signal and detection gap, explains why that signal fired and not an earlier one, and what it says about the monitoring.',
      },
    },
    {
      key: 'diagnosis',
      title: 'Diagnosis',
      focus: 'How the cause was found: metrics, logs, traces, and the hypotheses ruled out.',
      good: 'Walks through a hypothesis-driven search using real telemetry, and says what was ruled out and how.',
      probes: [
        'Which metrics, logs or traces did you open first, and why those?',
        'What did you suspect first that turned out to be wrong?',
        'How did you know you had the real cause and not a symptom?',
      ],
      anchors: {
        1: 'The cause is asserted, not found; no telemetry or reasoning is described.',
        2: 'Mentions looking at dashboards or logs, but the path to the cause is vague or was someone else’s.',
        3: 'Describes the telemetry used, at least one hypothesis ruled out, and how the cause was confirmed.',
        4: 'A clear, ordered search across metrics, logs and traces; distinguishes model, data and infrastructure causes; confirms the root cause with evidence.',
      },
    },
    {
      key: 'mitigation',
      title: 'Mitigation',
      focus: 'What stopped the bleeding, and how fast.',
      good: 'States the action that limited user impact, the time it took, and the tradeoff it accepted.',
      probes: [
        'What did you do first to limit the damage, before the fix?',
        'How long from detection to impact stopping?',
        'What did that mitigation cost: traffic, accuracy, money?',
      ],
      anchors: {
        1: 'No mitigation beyond waiting for a fix, or cannot say what limited the impact.',
        2: 'A mitigation happened but timing, ownership or its cost are unclear.',
        3: 'Names the mitigation they drove, how long it took, and what it traded away.',
        4: 'Mitigated fast with a deliberate choice between options (shed load, fall back, pin a version), and can defend the tradeoff with numbers.',
      },
    },
    {
      key: 'rollback',
      title: 'Rollback',
      focus: 'The deployment controls: was there a path back, was it used, and what it cost.',
      good: 'Describes the rollback path (model registry, canary, traffic split, feature flag), whether it worked, and how long it took.',
      probes: [
        'Was there a way back to the previous model or pipeline? How did it work?',
        'Did you use it? How long did it take, and what broke on the way?',
        'What deployment controls exist now that did not then?',
      ],
      anchors: {
        1: 'No rollback path existed or is mentioned; "we redeployed" with no control over what was deployed.',
        2: 'A rollback happened, but by hand or by someone else, and its mechanics are unclear.',
        3: 'Describes a real rollback mechanism, that they used it, and how long it took.',
        4: 'Versioned artefacts, staged rollout and a tested path back; knows the rollback time and what state (features, caches, data) it did and did not restore.',
      },
    },
    {
      key: 'prevention',
      title: 'Prevention',
      focus: 'The postmortem, and what changed so it cannot recur.',
      good: 'Names the postmortem, the concrete changes that came out of it (tests, alerts, gates), and evidence they worked.',
      probes: [
        'Was there a postmortem? What did it conclude?',
        'What changed in the system, not just the process?',
        'How do you know it has not happened again?',
      ],
      anchors: {
        1: 'Nothing changed, or only "we were more careful".',
        2: 'A postmortem was written, but the changes are generic or were not followed through.',
        3: 'Concrete changes (a new alert, a promotion gate, a test) that they drove, with a reason each closes the gap.',
        4: 'Systemic fixes that remove the class of failure, with follow-up evidence, and lessons spread beyond their own team.',
      },
    },
  ],
  probeTopics: [
    { key: 'tooling', label: 'Tooling choices' },
    { key: 'rollback-plan', label: 'Rollback plan' },
    { key: 'monitoring-signals', label: 'Monitoring signals' },
    { key: 'tradeoffs', label: 'Tradeoffs' },
  ],
  redFlags: [
    {
      key: 'theoretical',
      label: 'Answers stay theoretical',
      description: 'Talks about what one should do rather than what they did; no concrete system, numbers or timeline.',
    },
    {
      key: 'accuracy-only',
      label: 'Only model accuracy discussed',
      description: 'The incident is framed purely as a model-quality problem; nothing on serving, pipelines or operations. A model builder, not an operator.',
    },
    {
      key: 'no-ownership',
      label: 'No personal ownership',
      description: 'Only "we" or "the team"; cannot say what they personally decided or did.',
    },
    {
      key: 'no-rollback',
      label: 'No rollback path',
      description: 'There was no way back, and they do not see that as a problem.',
    },
    {
      key: 'no-prevention',
      label: 'No prevention',
      description: 'Nothing changed after the incident, or no postmortem was held.',
    },
  ],
  recommendationScale: [
    { value: 'strong-no', label: 'Strong no' },
    { value: 'no', label: 'No' },
    { value: 'yes', label: 'Yes' },
    { value: 'strong-yes', label: 'Strong yes' },
  ],
  laneEmphasis: {
    'serving-reliability': [
      'What happened to p99 latency, and how do you watch it?',
      'How did autoscaling behave during the incident?',
      'Who got paged, and what did the on-call rotation change afterwards?',
    ],
    'pipeline-owner': [
      'Which promotion gate should have stopped this model, and why did it not?',
      'Were features shared with other models, and were they affected?',
      'How is a model promoted from training to production today?',
    ],
    'platform-builder': [
      'Which paved road would have prevented this for every team, not just yours?',
      'How did you get other teams to adopt the change?',
      'What did you build once that several teams now use?',
    ],
  },
  builtIn: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  agenda: [],
};

// Version 1's agenda is the default one (50 minutes): its scored content is exactly as shipped.
BUILTIN_RUBRIC.agenda = defaultAgenda(BUILTIN_RUBRIC.dimensions);
