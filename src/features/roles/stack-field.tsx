import { useState, type KeyboardEvent } from 'react';
import { STACK_MAX_ENTRIES, stackKey } from '../../domain/role';
import { addStackTool, removeStackTool } from '../../domain/role-stack';
import { FieldError } from '../../components/field';

type StackFieldProps = {
  stack: readonly string[];
  /** The tools to pick from, by part of the stack. */
  choices: readonly { part: string; tools: readonly string[] }[];
  error?: string | undefined;
  onChange: (stack: string[]) => void;
};

/**
 * The team's current ML stack: the listed tools as checkboxes grouped by part, and tools of the
 * team's own typed in (Enter or the Add button). A refused tool says why beside the box that asked.
 */
export function StackField({ stack, choices, error, onChange }: StackFieldProps) {
  const [typed, setTyped] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const listed = choices.flatMap((c) => c.tools);
  const listedKeys = new Set(listed.map(stackKey));
  const others = stack.filter((tool) => !listedKeys.has(stackKey(tool)));
  const chosen = new Set(stack.map(stackKey));

  const toggle = (tool: string, on: boolean) => {
    if (!on) {
      setRefusal(null);
      onChange(removeStackTool(stack, tool));
      return;
    }
    const result = addStackTool(stack, tool, listed);
    setRefusal(result.ok ? null : result.message);
    if (result.ok) onChange(result.stack);
  };

  const add = () => {
    const result = addStackTool(stack, typed, listed);
    setRefusal(result.ok ? null : result.message);
    if (!result.ok) return;
    onChange(result.stack);
    setTyped('');
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // Enter adds the tool; it must not submit the whole role.
    if (e.key !== 'Enter') return;
    e.preventDefault();
    add();
  };

  const message = refusal ?? error;
  return (
    <fieldset className="field stack-field" id="role-stack" aria-describedby="role-stack-hint">
      <legend className="field-label">Team stack</legend>
      <p id="role-stack-hint" className="field-hint">
        The ML tools the team runs today: interviewers are told, and the packet names them.{' '}
        <span className="counter">
          {stack.length} / {STACK_MAX_ENTRIES}
        </span>
      </p>
      {choices.map(({ part, tools }) => (
        <fieldset key={part} className="stack-part">
          <legend>{part}</legend>
          <div className="chips">
            {tools.map((tool) => (
              <label key={tool} className="chip">
                <input type="checkbox" checked={chosen.has(stackKey(tool))} onChange={(e) => toggle(tool, e.target.checked)} />
                {tool}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      {others.length > 0 && (
        <ul className="chips" aria-label="The team’s other tools">
          {others.map((tool) => (
            <li key={tool} className="chip">
              {tool}
              <button type="button" className="chip-remove" aria-label={`Remove ${tool}`} onClick={() => onChange(removeStackTool(stack, tool))}>
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="stack-other">
        <label htmlFor="role-stack-other">Another tool</label>
        <div className="stack-other-row">
          <input
            id="role-stack-other"
            type="text"
            autoComplete="off"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            onKeyDown={onKeyDown}
            aria-describedby={message ? 'role-stack-error' : undefined}
            aria-invalid={message ? true : undefined}
          />
          <button type="button" className="button button-secondary" onClick={add}>
            Add tool
          </button>
        </div>
      </div>
      <div aria-live="polite">
        <FieldError id="role-stack-error" message={message} />
      </div>
    </fieldset>
  );
}
