import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RoleForm } from '../../src/features/roles/role-form';
import { BUILTIN_RUBRIC } from '../../src/domain/builtin-rubric';
import type { RoleInput } from '../../src/domain/role';

function renderForm() {
  const onSubmit = vi.fn(async (_values: RoleInput) => ({ ok: true as const }));
  render(<RoleForm rubrics={[BUILTIN_RUBRIC]} submitLabel="Create role" onSubmit={onSubmit} onCancel={() => undefined} />);
  return onSubmit;
}

async function seniorBand(user: ReturnType<typeof userEvent.setup>, min: string, max: string) {
  await user.click(screen.getByRole('radio', { name: 'Senior' }));
  await user.type(screen.getByLabelText('Minimum'), min);
  await user.type(screen.getByLabelText('Maximum'), max);
}

describe('the role form’s comp check, by what the band covers', () => {
  it('asks for nothing more on a base-salary band in US dollars, and says what it compared', async () => {
    const user = userEvent.setup();
    renderForm();
    await seniorBand(user, '240000', '310000');
    expect(screen.queryByLabelText('Compare with base salary ×')).not.toBeInTheDocument();
    expect(screen.queryByLabelText(/US dollars per 1/)).not.toBeInTheDocument();
    expect(screen.getByText(/Base salary compared with the 2026 senior base reference of \$235K–\$325K\./)).toBeInTheDocument();
  });

  it('compares a total-cash band only through the factor typed, and says plainly when there is none', async () => {
    const user = userEvent.setup();
    renderForm();
    await seniorBand(user, '150000', '200000');
    await user.selectOptions(screen.getByLabelText('The band covers'), 'Total cash');
    const maximum = screen.getByLabelText('Maximum');
    expect(maximum).toHaveAccessibleDescription(expect.stringContaining('The 2026 reference is base salary only, and this band covers total cash: no comparison is made.'));
    expect(maximum).not.toHaveAccessibleDescription(expect.stringContaining('below'));

    const factor = screen.getByLabelText('Compare with base salary ×');
    expect(factor).toHaveAccessibleDescription(expect.stringContaining('Used for this check only, not saved.'));
    await user.type(factor, '0.5');
    expect(maximum).toHaveAccessibleDescription(expect.stringContaining('The factor must be from 1 to 3'));
    await user.clear(factor);
    await user.type(factor, '1.15');
    expect(maximum).toHaveAccessibleDescription('This band is below the 2026 senior reference as total cash (base × 1.15) of $270K–$374K. Expect strong candidates to decline.');
    expect(screen.getByText(/Total cash compared with base × 1\.15: \$270K–\$374K\./)).toBeInTheDocument();
  });

  it('compares a euro band only at the exchange rate typed, and never stores the rate with the role', async () => {
    const user = userEvent.setup();
    const onSubmit = renderForm();
    await user.type(screen.getByLabelText('Job title'), 'Senior MLOps Engineer, Berlin');
    await user.click(screen.getByRole('radio', { name: /Serving & reliability/ }));
    await user.type(screen.getByLabelText('Mandate'), 'Cut p99 latency of model serving.');
    await seniorBand(user, '200000', '260000');
    await user.selectOptions(screen.getByLabelText('Currency'), 'EUR');
    const maximum = screen.getByLabelText('Maximum');
    expect(maximum).toHaveAccessibleDescription(expect.stringContaining('The 2026 reference is in US dollars, and this band is in EUR: no comparison is made.'));
    await user.type(screen.getByLabelText('US dollars per 1 EUR'), '1.08');
    expect(maximum).toHaveAccessibleDescription('Part of this band falls outside the 2026 senior reference of $235K–$325K.');
    expect(screen.getByText(/EUR band converted at 1 EUR = 1\.08 USD: \$216K–\$281K\./)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Create role' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    const saved = onSubmit.mock.calls[0]?.[0];
    expect(saved?.compBand).toEqual({ min: 200_000, max: 260_000, currency: 'EUR', basis: 'base' });
    expect(JSON.stringify(saved)).not.toContain('1.08');
  });
});
