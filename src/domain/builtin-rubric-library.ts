import type { Rubric } from './rubric';

/**
 * The built-in rubrics for the other two interviews of a loop: system design and a rollback
 * scenario. Read-only like the shipped incident review: a change is a new version, never an edit,
 * so every scorecard keeps the exact text it was scored against.
 */

const LIBRARY_CREATED_AT = '2026-11-30T00:00:00.000Z';

/** The same four points as the incident review; a fresh copy per rubric, so no two share an array. */
const recommendationScale = (): Rubric['recommendationScale'] => [
  { value: 'strong-no', label: 'Strong no' },
  { value: 'no', label: 'No' },
  { value: 'yes', label: 'Yes' },
  { value: 'strong-yes', label: 'Strong yes' },
];

export const ML_SYSTEM_DESIGN_RUBRIC: Rubric = {
  id: 'ml-system-design',
  version: 1,
  lineage: 'ml-system-design',
  basedOn: null,
  author: '',
  title: 'ML system design',
  prompt:
    'Design one of these two systems; the interviewer says which, and every candidate for the role gets the same one. (A) Serving: a ranking model orders the items of a product feed at up to 3,000 requests per second, and the whole call, feature lookups included, must answer within 80 ms at p99. (B) Promotion: a pipeline that takes a newly trained model from the registry to full production traffic, with gates that can stop it at every step. Start with what you need to know, then the design, what it takes to run and what it costs, how it fails and how you would find out, and how a change reaches production and comes back out.',
  dimensions: [
    {
      key: 'requirements',
      title: 'Requirements and constraints',
      focus: 'Which requirements and constraints the candidate pins down before designing: traffic, latency, freshness, correctness and budget.',
      good: 'Asks for the numbers that shape the design (peak traffic, the latency budget, how fresh features must be, what a wrong answer costs) and writes down an assumption wherever no number is given.',
      probes: [
        'What do you need to know before you draw anything?',
        'Which of these requirements would change the design most if it doubled?',
        'What are you assuming here, and how would you check it with the team that owns the product?',
      ],
      anchors: {
        1: 'Starts drawing boxes straight away; asks nothing about traffic, latency, freshness or cost.',
        2: 'Asks about one or two requirements, usually accuracy or traffic, but leaves latency, freshness or cost unstated.',
        3: 'Pins down traffic, the latency budget, feature freshness and a cost ceiling, and states the assumptions made where no number was given.',
        4: 'Turns the requirements into budgets that drive the design (how the p99 splits between feature lookups and inference, how many bad promotions a quarter are tolerable), and says which requirement they would push back on and why.',
      },
    },
    {
      key: 'architecture',
      title: 'Architecture and data flow',
      focus: 'The components, and how a request, a feature or a model version moves between them.',
      good: 'Draws a design where each component has a job, traces one request or one model version through it end to end, and keeps the features seen in training and in serving the same.',
      probes: [
        'Walk one request, or one model version, through the design from start to finish.',
        'Where do the features come from at serving time, and how do you know they match what the model was trained on?',
        'Which parts would you reuse or buy, and which would you build?',
      ],
      anchors: {
        1: 'A list of tools or a generic diagram; cannot trace a request or a model version through it.',
        2: 'The main components are there, but the flow between them is vague, or training and serving features are not connected.',
        3: 'Traces a request or a model version end to end, explains what each component is for, and deals with training–serving skew.',
        4: 'Clear boundaries and stated tradeoffs (online or precomputed features, synchronous or queued calls, the registry as the single record of what is live); keeps it as simple as the requirements allow and says what was left out on purpose.',
      },
    },
    {
      key: 'capacity',
      title: 'Capacity and cost',
      focus: 'How big the system has to be, and what it costs to run.',
      good: 'Sizes the system roughly from the stated numbers (requests per second, time per inference, replicas and hardware, or evaluation runs and their compute) and names the biggest cost and one lever to cut it.',
      probes: [
        'Roughly how many replicas, or how much evaluation compute, do you need at peak, and how did you get that number?',
        'What dominates the monthly bill, and what would you cut first?',
        'What happens in the minutes between a traffic spike and new capacity being ready?',
      ],
      anchors: {
        1: 'No sizing and no mention of cost; "it autoscales" is the whole answer.',
        2: 'Mentions autoscaling or GPUs, but gives no numbers, or numbers that do not follow from the requirements.',
        3: 'A back-of-the-envelope sizing worked from the requirements, the main cost driver named, and a scaling policy with the metric that triggers it.',
        4: 'Sizes for peak with stated headroom, weighs concrete options (batching, CPU or GPU, a smaller model, caching) against the latency budget with rough numbers, and allows for how slowly new capacity arrives.',
      },
    },
    {
      key: 'failure-modes',
      title: 'Failure modes and observability',
      focus: 'What breaks, how the team finds out, and what the system does while it is broken.',
      good: 'Names specific failures (a feature store timeout, stale features, a model that is up but wrong, a gate that passes a bad model) with the signal, the alert and the fallback for each, watching prediction quality as well as service health.',
      probes: [
        'What breaks first in this design, under load or with bad data?',
        'Which alerts page someone, and what is on the dashboard they open?',
        'How would you notice a model that is up and fast but giving bad answers?',
      ],
      anchors: {
        1: 'Assumes the system works; names no failure, or only says "we would add monitoring".',
        2: 'Names generic failures (a node dies) or offline accuracy checks, but no alert, threshold or fallback.',
        3: 'Names specific failures with the metric and alert that catch each and a fallback (a default ranking, cached results, holding the current model), covering both service health and prediction quality.',
        4: 'Ranks failures by likelihood and impact, sets SLOs and decides what pages and what waits until morning, designs for graceful degradation, and covers silent failures such as skew, drift and stale features.',
      },
    },
    {
      key: 'rollout',
      title: 'Rollout and rollback',
      focus: 'How a new model or a change to the system reaches production, and how it comes back out.',
      good: 'Describes a staged rollout (shadow, canary, traffic split) with the metric that decides each step, and a way back to the previous version that is fast, tested and needs no retraining.',
      probes: [
        'How does a new model version get its first real traffic?',
        'Which number stops a rollout, and who or what stops it?',
        'How long does it take to go back to the previous version, and what does not come back with it?',
      ],
      anchors: {
        1: 'A new model replaces the old one in one step; no stages and no way back.',
        2: 'Mentions a canary or an A/B test, but not what decides promotion or how a rollback happens.',
        3: 'A staged rollout with explicit promotion criteria, versioned models in a registry, and a rollback they describe step by step with how long it takes.',
        4: 'Gates and rollback triggered automatically by live metrics, a rollback path exercised before it is needed, and a plan for the state that does not roll back with the model (features, caches, schema changes).',
      },
    },
  ],
  probeTopics: [
    { key: 'latency-and-cost-budgets', label: 'Latency and cost budgets' },
    { key: 'build-or-buy', label: 'Build or buy' },
    { key: 'monitoring-signals', label: 'Monitoring signals' },
    { key: 'rollback-plan', label: 'Rollback plan' },
    { key: 'tradeoffs', label: 'Tradeoffs' },
  ],
  redFlags: [
    {
      key: 'offline-metrics-only',
      label: 'Only offline metrics',
      description: 'Success is measured only by offline accuracy or AUC; nothing on latency, cost, uptime or how the model behaves on live traffic. A model builder, not an operator.',
    },
    {
      key: 'model-not-system',
      label: 'Designs the model, not the system',
      description: 'Spends the time on model architecture and feature ideas; the serving path or the promotion pipeline is left undesigned.',
    },
    {
      key: 'tool-list',
      label: 'A list of tools, not a design',
      description: 'Names products (an orchestrator, a feature store, a serving framework) without saying what each does in this system or why it was chosen.',
    },
    {
      key: 'no-numbers',
      label: 'No numbers',
      description: 'Never estimates traffic, latency, replicas or cost, so the design cannot be checked against the requirements.',
    },
    {
      key: 'nothing-fails',
      label: 'Assumes nothing fails',
      description: 'Offers no failure mode, alert or fallback, even when asked directly.',
    },
    {
      key: 'no-way-back',
      label: 'No way back',
      description: 'A new model overwrites the old one, and there is no path back to the previous version.',
    },
  ],
  recommendationScale: recommendationScale(),
  laneEmphasis: {
    'pipeline-owner': [
      'Which gates does a model pass between training and full traffic, and what does each one check?',
      'How do you keep features the same in training and serving, and which other models reuse them?',
      'Who can override a failed gate, and where is that recorded?',
    ],
    'serving-reliability': [
      'How do you split the p99 budget between the network, feature lookups and inference?',
      'Which metric drives autoscaling, and what happens before new replicas are ready?',
      'What pages the on-call engineer at 3 a.m., and what can wait until morning?',
    ],
    'platform-builder': [
      'Which parts of this design would you offer every team as a paved road, and which stay specific to this model?',
      'How would a second team put a new model on this without your help?',
      'What would you build first with two engineers and one quarter?',
    ],
  },
  agenda: [
    { key: 'opening', title: 'Introductions and the design prompt', minutes: 5, dimensionKey: null },
    { key: 'dimension-requirements', title: 'Requirements and constraints', minutes: 8, dimensionKey: 'requirements' },
    { key: 'dimension-architecture', title: 'Architecture and data flow', minutes: 12, dimensionKey: 'architecture' },
    { key: 'dimension-capacity', title: 'Capacity and cost', minutes: 7, dimensionKey: 'capacity' },
    { key: 'dimension-failure-modes', title: 'Failure modes and observability', minutes: 10, dimensionKey: 'failure-modes' },
    { key: 'dimension-rollout', title: 'Rollout and rollback', minutes: 8, dimensionKey: 'rollout' },
    { key: 'closing', title: 'The candidate’s questions', minutes: 5, dimensionKey: null },
  ],
  builtIn: true,
  createdAt: LIBRARY_CREATED_AT,
};

export const ROLLBACK_SCENARIO_RUBRIC: Rubric = {
  id: 'rollback-scenario',
  version: 1,
  lineage: 'rollback-scenario',
  basedOn: null,
  author: '',
  title: 'Rollback scenario',
  prompt:
    'You are the engineer on call for model serving. A newly promoted fraud model finished rolling out to all card payments 40 minutes ago. Customer support reports a jump in legitimate payments being declined, and the payments team asks whether it is the model. The previous model version is still in the registry. Walk us through what you do, in order: how you confirm what is happening, whether and when you roll back, how you do it, how you know it worked, and what happens afterwards. Ask for anything you would look at; the interviewer will tell you what it shows.',
  dimensions: [
    {
      key: 'detection',
      title: 'Detection',
      focus: 'How the candidate confirms the problem is real and tied to the new model, and which signals they look at first.',
      good: 'Goes to the signals that would show it (decline rate by model version, against the baseline before the rollout) and lines the change up with the rollout time, rather than acting on the support reports alone.',
      probes: [
        'What do you look at in the first five minutes?',
        'How do you tell this model’s effect apart from a real fraud wave or a change upstream?',
        'Why did no alert fire before support noticed, and which one should have?',
      ],
      anchors: {
        1: 'Takes the reports at face value or waits for more complaints; names no signal to check.',
        2: 'Would "check the dashboards" but does not say which metric, or compares nothing against the period before the rollout.',
        3: 'Checks the decline rate against the pre-rollout baseline, lines the jump up with the rollout time, and rules out other recent changes (upstream data, rules, traffic mix).',
        4: 'Splits the metric by model version or traffic slice to tie the harm to the new model within minutes, sizes the impact in payments and money per minute, and notes the missing alert as a gap to close.',
      },
    },
    {
      key: 'decision',
      title: 'Decision to roll back',
      focus: 'Whether, when and on whose authority the candidate rolls back, and what they weigh.',
      good: 'Makes a clear, early call to roll back once the harm is evident instead of debugging on live traffic, weighs what the rollback costs (fraud the previous model misses), and tells the people who need to know.',
      probes: [
        'At what point do you decide, and what evidence is enough?',
        'Do you need anyone’s permission to roll back? Who do you tell?',
        'What would make you keep the new model, or fix forward instead?',
      ],
      anchors: {
        1: 'Would keep the model live to debug or retrain it, or waits for someone else to decide.',
        2: 'Would roll back eventually, but only after a long investigation or an approval the situation does not call for.',
        3: 'Decides to roll back within minutes on the evidence, names who they inform (payments, the fraud team, the incident channel), and accepts the tradeoff.',
        4: 'Works from a rule agreed in advance (a threshold, or a policy that lets on-call roll back without asking), weighs rollback against alternatives such as a threshold change or a partial traffic shift, and explains why rollback wins here.',
      },
    },
    {
      key: 'mechanics',
      title: 'Rollback mechanics',
      focus: 'How the previous model is actually put back, and what else has to go back with it.',
      good: 'Describes concrete steps through the deployment controls (registry alias, traffic split, feature flag, redeploying a pinned version), how long they take, and the state that switching the model alone does not restore.',
      probes: [
        'Exactly what do you change to put the previous model back, and where?',
        'How long until all traffic is on the previous model?',
        'Does the previous model still work with today’s features and decision thresholds?',
      ],
      anchors: {
        1: 'No concrete mechanism; "redeploy the old one" or "retrain it", with no steps.',
        2: 'Names a mechanism (the registry, the deployment tool) but not the steps, how long it takes, or what else changes.',
        3: 'Walks through the steps (shift traffic, point the serving alias at the previous version, pin it) with how long each takes, and checks the previous version still fits the current features and thresholds.',
        4: 'A precise path with its timing that they have used or rehearsed, covering what does not roll back with the model (feature definitions, decision thresholds, cached scores) and stopping the pipeline from promoting the bad model again.',
      },
    },
    {
      key: 'verification',
      title: 'Verification',
      focus: 'How the candidate proves the rollback worked and the harm has stopped.',
      good: 'Watches the signal that showed the problem return to its baseline, confirms every replica and region serves the previous version, and checks that fraud losses did not rise in exchange.',
      probes: [
        'How do you know the rollback is complete everywhere?',
        'Which number tells you customers are no longer affected, and how long do you watch it?',
        'What happens to the payments wrongly declined in the meantime?',
      ],
      anchors: {
        1: 'Considers the job done once the rollback command succeeds.',
        2: 'Would "keep an eye on things" but names no metric or baseline, or checks only that the service is up.',
        3: 'Confirms the served model version across all instances, watches the decline rate return to its pre-rollout baseline, and checks that fraud losses did not jump.',
        4: 'Defines in advance what recovered means and for how long it must hold, confirms it with the payments and support teams, and deals with the customers declined in the meantime (retrying the payments or contacting them).',
      },
    },
    {
      key: 'follow-up',
      title: 'Follow-up',
      focus: 'What happens after the rollback: the review, and what changes so a bad model is stopped before it reaches all traffic.',
      good: 'Drives a blameless review that asks why the gates and the staged rollout let this model through, and names concrete changes they would own (an offline check on legitimate declines, a canary that stops itself, an alert on decline rate).',
      probes: [
        'Which gate should have caught this model before it reached all payments?',
        'What would you change, and what first?',
        'How would you know the next bad model would be stopped?',
      ],
      anchors: {
        1: 'Nothing beyond retraining the model; the release process is not questioned.',
        2: 'Suggests a postmortem or "more testing" without saying what would have caught this model.',
        3: 'Names the gap in the release (no live metric on false declines, a canary too short to show it, no alert on decline rate) and concrete changes that close it, each with an owner.',
        4: 'Removes the class of failure: automated canary analysis that rolls back on business metrics, offline evaluation on the slices where legitimate customers are harmed, a rehearsed rollback, and a way to check the changes work.',
      },
    },
  ],
  probeTopics: [
    { key: 'monitoring-signals', label: 'Monitoring signals' },
    { key: 'decision-authority', label: 'Who decides' },
    { key: 'deployment-controls', label: 'Deployment controls' },
    { key: 'communication', label: 'Communication' },
    { key: 'tradeoffs', label: 'Tradeoffs' },
  ],
  redFlags: [
    {
      key: 'blames-model',
      label: 'Blames the model, not the release',
      description: 'Treats it as a bad model to retrain or tune, and never asks how the release let it reach every payment. A model builder, not an operator.',
    },
    {
      key: 'debugs-live',
      label: 'Debugs while customers are harmed',
      description: 'Keeps the bad model live to investigate or fix forward while legitimate payments go on being declined.',
    },
    {
      key: 'waits-for-others',
      label: 'Waits for someone else',
      description: 'Escalates and waits rather than acting; cannot say what they would do themselves as the engineer on call.',
    },
    {
      key: 'no-way-back',
      label: 'No concrete way back',
      description: 'Cannot describe how the previous model would actually be put back, or would retrain to recover.',
    },
    {
      key: 'no-verification',
      label: 'Stops at the rollback command',
      description: 'Does not check that the harm stopped, or that every instance serves the previous model.',
    },
    {
      key: 'no-follow-up',
      label: 'No follow-up',
      description: 'Nothing changes in the gates, the rollout or the alerts after the rollback.',
    },
  ],
  recommendationScale: recommendationScale(),
  laneEmphasis: {
    'pipeline-owner': [
      'Which promotion gate let this model through, and what check would you add?',
      'How do you stop the pipeline from promoting the same model again on its next run?',
      'Does the previous model still match the features the pipeline produces today?',
    ],
    'serving-reliability': [
      'Which alert on this endpoint should have paged you before support noticed?',
      'How do you move traffic back without a latency spike from cold replicas?',
      'What does the on-call runbook for a model rollback say, and who keeps it current?',
    ],
    'platform-builder': [
      'How would any team on the platform roll back a model in one step?',
      'What would the platform record so anyone can see which model version scored each payment?',
      'How would you make automatic rollback on business metrics available to every team?',
    ],
  },
  agenda: [
    { key: 'opening', title: 'Introductions and the scenario', minutes: 5, dimensionKey: null },
    { key: 'dimension-detection', title: 'Detection', minutes: 8, dimensionKey: 'detection' },
    { key: 'dimension-decision', title: 'Decision to roll back', minutes: 7, dimensionKey: 'decision' },
    { key: 'dimension-mechanics', title: 'Rollback mechanics', minutes: 10, dimensionKey: 'mechanics' },
    { key: 'dimension-verification', title: 'Verification', minutes: 7, dimensionKey: 'verification' },
    { key: 'dimension-follow-up', title: 'Follow-up', minutes: 8, dimensionKey: 'follow-up' },
    { key: 'closing', title: 'The candidate’s questions', minutes: 5, dimensionKey: null },
  ],
  builtIn: true,
  createdAt: LIBRARY_CREATED_AT,
};

/** The built-in rubrics besides the production incident review, which is added where they are used. */
export const BUILTIN_RUBRIC_LIBRARY: readonly Rubric[] = [ML_SYSTEM_DESIGN_RUBRIC, ROLLBACK_SCENARIO_RUBRIC];
