import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'wouter';
import { InterviewPage } from '../../src/features/interview/interview-page';
import type { RoleInput } from '../../src/domain/role';
import { servingRole } from '../fixtures/roles';
import { freshDb } from '../helpers/db';
import { renderWithDb } from '../helpers/render';

const MISSION = 'Join the endpoint on-call rotation and cut the busiest endpoint’s p99 latency in half.';
const STACK = ['AWS', 'Kubernetes', 'KServe', 'Prométhée'];

/** The lead plans the loop on their device; Ana opens her interview on hers, from the loop file. */
async function openOnInterviewersDevice(role: RoleInput) {
  const lead = freshDb();
  const created = await lead.repos.roles.create(role);
  const candidate = await lead.repos.candidates.create({ name: 'Zofia Łukasiewicz', roleId: created.id, notes: '' });
  const interview = await lead.repos.interviews.addToLoop(candidate.id, { interviewerName: 'Ana Lopez', plannedAt: '' });
  const { json, fileName } = await lead.repos.imports.buildLoopFile(candidate.id, 'test');

  const device = renderWithDb(<Route path="/interviews/:interviewId" component={InterviewPage} />, { path: '/interviews/pending' });
  expect((await device.repos.imports.importFile(fileName, json)).outcome).toBe('added');
  await device.repos.settings.setInterviewerName('Ana Lopez');
  window.history.replaceState(null, '', `/interviews/${interview.id}`);
  window.dispatchEvent(new PopStateEvent('popstate'));
  expect(await screen.findByRole('heading', { level: 1, name: 'Scoring Zofia Łukasiewicz' })).toBeInTheDocument();
  return device;
}

describe('the role brief on the interview screen', () => {
  it('reaches the interviewer’s device in the loop file, closed until they open it', async () => {
    const user = userEvent.setup();
    await openOnInterviewersDevice({ ...servingRole, stack: STACK, mission: MISSION });
    const summary = screen.getByText('Role brief: stack and 90-day mission');
    const brief = summary.closest('details');
    expect(brief).not.toHaveAttribute('open');
    expect(screen.getByText(MISSION)).not.toBeVisible();
    await user.click(summary);
    expect(brief).toHaveAttribute('open');
    expect(screen.getByText('AWS · Kubernetes · KServe · Prométhée')).toBeVisible();
    expect(screen.getByText(MISSION)).toBeVisible();
  });

  it('shows the mission alone when the role has no stack', async () => {
    await openOnInterviewersDevice({ ...servingRole, mission: MISSION });
    expect(screen.getByText('Role brief: stack and 90-day mission')).toBeInTheDocument();
    expect(screen.getByText(MISSION)).toBeInTheDocument();
    expect(screen.queryByText('Team stack:')).not.toBeInTheDocument();
  });

  it('is not there when the role has neither', async () => {
    await openOnInterviewersDevice(servingRole);
    expect(screen.queryByText('Role brief: stack and 90-day mission')).not.toBeInTheDocument();
  });
});
