import { Suspense, lazy } from 'react';
import { Redirect, Route, Switch } from 'wouter';
import { Loading } from '../components/loading';
import { RolesPage } from '../features/roles/roles-page';
import { NotFoundPage } from './fallback-pages';

// The lists open first and load with the app; screens with forms (and react-hook-form) load on
// first use, which keeps the first screen inside its size budget. All chunks are precached.
const CandidatesPage = lazy(() => import('../features/candidates/candidates-page').then((m) => ({ default: m.CandidatesPage })));
const NewRolePage = lazy(() => import('../features/roles/role-editor-page').then((m) => ({ default: m.NewRolePage })));
const EditRolePage = lazy(() => import('../features/roles/role-editor-page').then((m) => ({ default: m.EditRolePage })));
const NewCandidatePage = lazy(() => import('../features/candidates/candidate-editor-page').then((m) => ({ default: m.NewCandidatePage })));
const EditCandidatePage = lazy(() => import('../features/candidates/candidate-editor-page').then((m) => ({ default: m.EditCandidatePage })));
const CandidatePage = lazy(() => import('../features/candidates/candidate-page').then((m) => ({ default: m.CandidatePage })));
const ScreenPage = lazy(() => import('../features/sourcing/screen-page').then((m) => ({ default: m.ScreenPage })));
const InterviewPage = lazy(() => import('../features/interview/interview-page').then((m) => ({ default: m.InterviewPage })));
const GatherPage = lazy(() => import('../features/debrief/gather-page').then((m) => ({ default: m.GatherPage })));
const DebriefPage = lazy(() => import('../features/debrief/debrief-page').then((m) => ({ default: m.DebriefPage })));
const DuePage = lazy(() => import('../features/debrief/due-page').then((m) => ({ default: m.DuePage })));
const RubricsPage = lazy(() => import('../features/rubrics/rubrics-page').then((m) => ({ default: m.RubricsPage })));
const RubricPage = lazy(() => import('../features/rubrics/rubric-page').then((m) => ({ default: m.RubricPage })));
const RubricEditorPage = lazy(() => import('../features/rubrics/rubric-editor-page').then((m) => ({ default: m.RubricEditorPage })));
const RubricComparePage = lazy(() => import('../features/rubrics/compare-page').then((m) => ({ default: m.ComparePage })));
const InsightsPage = lazy(() => import('../features/insights/insights-page').then((m) => ({ default: m.InsightsPage })));
const DataPage = lazy(() => import('../features/data/data-page').then((m) => ({ default: m.DataPage })));
const SourcingPage = lazy(() => import('../features/sourcing/sourcing-page').then((m) => ({ default: m.SourcingPage })));

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
