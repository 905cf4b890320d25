import { act, render, screen } from '@testing-library/react';
import { Profiler } from 'react';
import { afterEach, expect, test } from 'vitest';
import { ConditionBanner } from '../../src/app/condition-banner';
import { clearCondition, raiseCondition } from '../../src/lib/app-events';

afterEach(() => {
  clearCondition('database-closed');
  clearCondition('upgrade-blocked');
});

test('with nothing in force the banner shows nothing and does not render a second time', () => {
  const renders: string[] = [];
  const { container } = render(
    <Profiler id="banner" onRender={(_id, phase) => renders.push(phase)}>
      <ConditionBanner />
    </Profiler>,
  );
  expect(container).toBeEmptyDOMElement();
  expect(renders).toEqual(['mount']);
});

test('a condition raised while the screen is open shows at once, once however often it is raised, and leaves when cleared', () => {
  render(<ConditionBanner />);
  act(() => {
    raiseCondition('database-closed');
    raiseCondition('database-closed');
  });
  expect(screen.getByRole('alert')).toHaveTextContent('Loopcard was updated in another tab');
  expect(screen.getAllByText('Loopcard was updated in another tab')).toHaveLength(1);
  expect(screen.getByRole('button', { name: 'Reload' })).toBeVisible();

  act(() => raiseCondition('upgrade-blocked'));
  expect(screen.getByText('Waiting for other Loopcard tabs')).toBeVisible();

  act(() => clearCondition('database-closed'));
  expect(screen.queryByText('Loopcard was updated in another tab')).toBeNull();
  expect(screen.getByText('Waiting for other Loopcard tabs')).toBeVisible();
  expect(screen.queryByRole('button', { name: 'Reload' })).toBeNull();
});

test('a condition raised before the banner is on screen shows on its first render', () => {
  raiseCondition('upgrade-blocked');
  render(<ConditionBanner />);
  expect(screen.getByRole('alert')).toHaveTextContent('Close or reload the other Loopcard tabs');
});
