import type { Role } from '../../domain/role';

/**
 * What the role's interviewers are told: the team's stack and the first-90-day mission. Closed by
 * default, one line above the scoring, so it never pushes the notes pad down on a tablet.
 */
export function RoleBrief({ role }: { role: Pick<Role, 'stack' | 'mission'> }) {
  const stack = role.stack ?? [];
  if (stack.length === 0 && !role.mission) return null;
  return (
    <details className="role-brief">
      <summary>Role brief: stack and 90-day mission</summary>
      {stack.length > 0 && (
        <p>
          <strong>Team stack:</strong> {stack.join(' · ')}
        </p>
      )}
      {role.mission && (
        <p>
          <strong>First-90-day mission:</strong> {role.mission}
        </p>
      )}
    </details>
  );
}
