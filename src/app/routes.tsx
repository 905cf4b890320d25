import { Suspense, lazy } from 'react';
import { Redirect, Route, Switch } from 'wouter';
import { Loading } from '../components/loading';
import { RolesPage } from '../features/roles/roles-page';
import { NotFoundPage } from './fallback-pages';

// The roles list (the first screen) loads with the app; every other screen loads on first use,
// or before: on idle once the first screen shows, and when a link to it is hovered or focused.
// All chunks are precached by the service worker, so this works offline too.
const screens = {
  candidates: () => import('../features/candidates/candidates-page'),
  roleEditor: () => import('../features/roles/role-editor-page'),
  candidateEditor: () => import('../features/candidates/candidate-editor-page'),
  candidate: () => import('../features/candidates/candidate-page'),
  screen: () => import('../features/sourcing/screen-page'),
  interview: () => import('../features/interview/interview-page'),
  gather: () => import('../features/debrief/gather-page'),
  debrief: () => import('../features/debrief/debrief-page'),
  due: () => import('../features/debrief/due-page'),
  rubrics: () => import('../features/rubrics/rubrics-page'),
  rubric: () => import('../features/rubrics/rubric-page'),
  rubricEditor: () => import('../features/rubrics/rubric-editor-page'),
  rubricCompare: () => import('../features/rubrics/compare-page'),
  insights: () => import('../features/insights/insights-page'),
  data: () => import('../features/data/data-page'),
  sourcing: () => import('../features/sourcing/sourcing-page'),
};

/** The screen behind each of the main navigation's links. */
const NAV_SCREENS: Record<string, keyof typeof screens> = {
  '/candidates': 'candidates',
  '/rubrics': 'rubrics',
  '/debrief': 'gather',
  '/insights': 'insights',
  '/data': 'data',
};

/** Loads the code of the screen a main-navigation link opens, ahead of the tap. */
export function preloadScreen(href: string): void {
  const screen = NAV_SCREENS[href];
  if (screen) void screens[screen]().catch(() => undefined);
}

const CandidatesPage = lazy(() => screens.candidates().then((m) => ({ default: m.CandidatesPage })));
const NewRolePage = lazy(() => screens.roleEditor().then((m) => ({ default: m.NewRolePage })));
const EditRolePage = lazy(() => screens.roleEditor().then((m) => ({ default: m.EditRolePage })));
const NewCandidatePage = lazy(() => screens.candidateEditor().then((m) => ({ default: m.NewCandidatePage })));
const EditCandidatePage = lazy(() => screens.candidateEditor().then((m) => ({ default: m.EditCandidatePage })));
const CandidatePage = lazy(() => screens.candidate().then((m) => ({ default: m.CandidatePage })));
const ScreenPage = lazy(() => screens.screen().then((m) => ({ default: m.ScreenPage })));
const InterviewPage = lazy(() => screens.interview().then((m) => ({ default: m.InterviewPage })));
const GatherPage = lazy(() => screens.gather().then((m) => ({ default: m.GatherPage })));
const DebriefPage = lazy(() => screens.debrief().then((m) => ({ default: m.DebriefPage })));
const DuePage = lazy(() => screens.due().then((m) => ({ default: m.DuePage })));
const RubricsPage = lazy(() => screens.rubrics().then((m) => ({ default: m.RubricsPage })));
const RubricPage = lazy(() => screens.rubric().then((m) => ({ default: m.RubricPage })));
const RubricEditorPage = lazy(() => screens.rubricEditor().then((m) => ({ default: m.RubricEditorPage })));
const RubricComparePage = lazy(() => screens.rubricCompare().then((m) => ({ default: m.ComparePage })));
const InsightsPage = lazy(() => screens.insights().then((m) => ({ default: m.InsightsPage })));
const DataPage = lazy(() => screens.data().then((m) => ({ default: m.DataPage })));
const SourcingPage = lazy(() => screens.sourcing().then((m) => ({ default: m.SourcingPage })));

export function AppRoutes() {
  return (
    <Suspense fallback={<Loading />}>
      <Switch>
        <Route path="/">
          <Redirect to="/roles" replace />
        </Route>
        <Route path="/roles" component={RolesPage} />
        <Route path="/roles/new" component={NewRolePage} />
        <Route path="/roles/:roleId/edit" component={EditRolePage} />
        <Route path="/roles/:roleId/sourcing" component={SourcingPage} />
        <Route path="/candidates" component={CandidatesPage} />
        <Route path="/candidates/new" component={NewCandidatePage} />
        <Route path="/candidates/:candidateId/edit" component={EditCandidatePage} />
        <Route path="/candidates/:candidateId/debrief" component={DebriefPage} />
        <Route path="/candidates/:candidateId/screen" component={ScreenPage} />
        <Route path="/candidates/:candidateId" component={CandidatePage} />
        <Route path="/interviews/:interviewId" component={InterviewPage} />
        <Route path="/debrief" component={GatherPage} />
        <Route path="/debrief/due" component={DuePage} />
        <Route path="/rubrics" component={RubricsPage} />
        <Route path="/rubrics/compare" component={RubricComparePage} />
        <Route path="/rubrics/drafts/:draftId" component={RubricEditorPage} />
        <Route path="/rubrics/:id/:version" component={RubricPage} />
        <Route path="/insights" component={InsightsPage} />
        <Route path="/data" component={DataPage} />
        <Route component={NotFoundPage} />
      </Switch>
    </Suspense>
  );
}
