/**
 * migsim: agent-based simulation of migration flows between countries.
 *
 * This file is the table of contents. Everything here runs unchanged in a
 * browser or a notebook; Node-only parts (files, the CLI) are in `migsim/node`.
 */

// Scenarios: the file format, the typed builder, validation with clear errors
export type * from './scenario/types.js';
export { parseScenario, type ParseOptions, type ReadBase } from './scenario/load.js';
export { validateScenario } from './scenario/validate.js';
export { scenario, ScenarioBuilder } from './scenario/builder.js';
export { ScenarioError, formatIssue, type ScenarioIssue } from './scenario/errors.js';

// Engine: the tick loop, its phases, plugins and the policy interface
export { Simulation, type SimulationOptions, type RunResult } from './engine/simulation.js';
export { PHASES, type Phase } from './engine/phases.js';
export type { Plugin } from './engine/plugin.js';
export type { PolicyApi, TargetKind, AttributesOf, Observation, SummedObservation, FigureDimension } from './engine/policy-api.js';
export type { PolicyEvent } from './engine/events.js';
export { Clock } from './engine/clock.js';

// Policies: kinds of plugin a scenario file can name under `policies:`
export { registerPolicyType, policyType, policyTypeNames, createPolicies, scenarioIndex } from './policies/registry.js';
export type { PolicyType, PolicySpec, ScenarioIndex } from './policies/policy-type.js';
export { setAttribute } from './policies/set-attribute.js';
export { borderEnforcement } from './policies/border-enforcement.js';
export { returnsReadmission } from './policies/returns-readmission.js';
export { labourAgreement } from './policies/labour-agreement.js';
export { rootCauseAid } from './policies/root-cause-aid.js';
export { searchAndRescue } from './policies/search-and-rescue.js';
export { asylumPolicy } from './policies/asylum-policy.js';
export { PolicyOverrides } from './policies/overrides.js';
export { momentToTick, type Moment } from './policies/timing.js';

// Governments: the few that move instruments by a review rule, and the agreements between them
export { GOVERNMENT_PARAMETERS, GOVERNMENT_DEFAULTS } from './governments/parameters.js';
export { governmentsPlugin, hasGovernments, GOVERNMENTS_PLUGIN } from './governments/plugin.js';
export { StateLedger } from './governments/ledger.js';
export { achieved, leakage, nextCapacity, steadyAchieved } from './governments/production.js';
export { menu, logitChoice } from './governments/decision.js';

// World: countries, places, legs, routes, channels and their time-varying attributes
export { World, COUNTRY_ATTRIBUTES, LEG_ATTRIBUTES, CHANNEL_ATTRIBUTES, ATTRIBUTE_RANGES } from './world/world.js';
export type { CountryAttribute, LegAttribute, ChannelAttribute, Place, Leg, Route, Channel } from './world/world.js';
export { compileQuantity, type TimePoint } from './world/quantity.js';
import './world/mathjs-parser.js'; // expressions in a browser, which cannot load mathjs on first use

// Agents: the struct-of-arrays store and the states people move through
export { MigrantStore, NONE } from './agents/store.js';
export { State, Stage, Flag, STATE_NAMES, type StateCode } from './agents/states.js';

// Behaviour: the parameters of the migrant model, in one place
export { BEHAVIOUR_PARAMETERS, DEFAULT_BEHAVIOUR, type BehaviourParameters, type BehaviourParameterName } from './behaviour/parameters.js';

// Metrics: tables, roles computed from flows, the conservation check
export { type Table, column, total, records } from './metrics/table.js';
export { computeRoles, type CountryRole } from './metrics/roles.js';
export { ConservationError } from './metrics/conservation.js';

// Randomness: seeded, named streams
export { RandomStreams, type RandomStream, type RunIdentity } from './random/streams.js';

// Output
export { tableToCsv, eventsTable } from './io/csv.js';

// Experiments: indicators, counterfactual comparisons with common random numbers, parameter sweeps
// (worker pools and result files are in `migsim/node`; Arrow output in `migsim/arrow`)
export { registerIndicator, indicators, indicatorsNamed, targetedRoutes } from './metrics/indicators.js';
export type { Indicator, RunIndicator, ComparisonIndicator, IndicatorRun, IndicatorValues } from './metrics/indicators.js';
export { compare, runPair, runReplication, runArm, summariseComparison, withPolicies } from './experiment/compare.js';
export type { CompareOptions, Comparison, ComparisonRow, PairRun, ArmRun } from './experiment/compare.js';
export { sweep, sweepPoints, sweepTables, runSweepPoint, designPoint, type SweepDesign, type SweepPoint, type SweepRun, type SweepOptions, type SweepResult } from './experiment/sweep.js';
export { parseFieldPath, checkFieldPath, withFieldValues, FieldPathError, type FieldStep } from './experiment/paths.js';
export { estimate, pairedDifference, excludesZero, tCritical, type Estimate } from './experiment/stats.js';
export { derivedSeed } from './experiment/seeds.js';
export { parseShard, shardName, shardOfTask, tasksOfShard, type Shard } from './experiment/shards.js';
export { comparisonTables, stackedRunTables } from './experiment/tables.js';
export { formatScorecard } from './experiment/scorecard.js';
export { uncertainArms, type Uncertainty, type UncertainParameter, type ParameterSample, type Distribution } from './experiment/uncertainty.js';

// Calibration: observed series, their distance to a run, ABC (adaptive population Monte Carlo) and Nelder–Mead
// (worker pools, resumable files and the CLI are in `migsim/node`)
export { parseObserved, ObservedDataError, formatObservedIssue, OBSERVED_TABLES, type ObservedData, type ObservedSeries, type ObservedPoint, type ObservedIssue } from './calibration/observed.js';
export { seriesReadings, simulatedSeries, type SeriesReading } from './calibration/simulated.js';
export { seriesDistance, seriesErrors } from './calibration/distance.js';
export { abcProposals, abcPopulation, abcContinues, normalisedWeights, DEFAULT_ABC, type AbcSettings, type Evaluated, type Particle, type Population } from './calibration/abc.js';
export { nelderMeadStep, DEFAULT_OPTIMISE, type OptimiseSettings, type OptimiseStep } from './calibration/optimise.js';
export { simulateObserved } from './calibration/evaluate.js';
export { weightedQuantile, type ParameterRange } from './calibration/parameters.js';

// Sensitivity: Morris elementary effects, Sobol' indices by Saltelli sampling
export { morrisDesign, morrisIndices, type MorrisDesign, type MorrisIndex } from './sensitivity/morris.js';
export { saltelliDesign, sobolIndices, type SobolDesign, type SobolIndex } from './sensitivity/sobol.js';
export { sensitivityDesign, sensitivityTable, type SensitivityMethod, type SensitivityDesign, type SensitivityOutput } from './sensitivity/analysis.js';

// Flee: read Flee's scenarios, run its displacement rules, score against UNHCR data
export {
  readFleeScenario, FleeFormatError, formatFleeIssue, parseFleeSettings, DEFAULT_FLEE_SETTINGS, FleeSimulation,
  averagedRelativeDifference, relativeDifference, naiveBaseline, baselineScore, scoreSpread, observedOn, campIndices,
} from './flee/index.js';
export type {
  FleeFiles, FleeIssue, FleeReadOptions, FleeScenario, FleePlace, FleeLink, FleeClosure, FleeSettings, FleeRunOptions, FleeRunResult, ScoreSpread,
} from './flee/index.js';
