import type { Command } from 'commander';

/** Shells `inkdeck completion` writes a script for. */
export const COMPLETION_SHELLS = ['bash', 'zsh', 'fish'] as const;
export type CompletionShell = (typeof COMPLETION_SHELLS)[number];

/** A command as completion needs it: its name, description, long options and the values its arguments take. */
interface CommandWords {
  readonly name: string;
  readonly description: string;
  readonly options: readonly {
    readonly flag: string;
    readonly description: string;
    readonly takesValue: boolean;
    /** The values the option takes, when it names them (`--format txt|md|cast`). */
    readonly choices: readonly string[] | undefined;
  }[];
  /** The values its first argument takes, when it names them (`completion bash|zsh|fish`); else a file is expected. */
  readonly argumentChoices: readonly string[] | undefined;
}

/** The commands and options of `program`, read from the parser itself so completion cannot drift from it. */
function wordsOf(program: Command): CommandWords[] {
  return program.commands.map((command) => ({
    name: command.name(),
    description: command.description(),
    options: command.options
      .filter((option) => option.long !== undefined)
      .map((option) => ({
        flag: option.long as string,
        description: option.description,
        takesValue: option.required || option.optional,
        choices: option.argChoices,
      })),
    argumentChoices: command.registeredArguments[0]?.argChoices,
  }));
}

/** `text` as one single-quoted shell word (POSIX sh; fish reads it the same way). */
function quoted(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

/**
 * The completion script for `shell`: command names, each command's long options and the values
 * an option or argument names (`--format`, `completion`'s shell), and files (`.yaml`, `.yml`
 * and folders) where a deck is expected. A first word that is no command is a deck, given to
 * `defaultCommand` (`inkdeck FILE` presents it). Installed as the shells document it:
 * `inkdeck completion bash > ~/.local/share/bash-completion/completions/inkdeck`,
 * `inkdeck completion zsh > "${fpath[1]}/_inkdeck"`,
 * `inkdeck completion fish > ~/.config/fish/completions/inkdeck.fish`.
 */
export function completionScript(program: Command, shell: CompletionShell, defaultCommand: string): string {
  const commands = wordsOf(program);
  if (shell === 'fish') return fishScript(commands);
  const flagsOf = (name: string) => (commands.find((command) => command.name === name)?.options ?? []).map((option) => option.flag);
  const cases = commands.map((command) => `    ${command.name}) words=${quoted(flagsOf(command.name).join(' '))} ;;`);
  const valueCases = commands.flatMap((command) => [
    ...command.options
      .filter((option) => option.choices !== undefined)
      .map(
        (option) =>
          `    ${quoted(`${command.name} ${option.flag}`)}) COMPREPLY=($(compgen -W ${quoted((option.choices ?? []).join(' '))} -- "$current")); return ;;`,
      ),
    ...(command.argumentChoices === undefined
      ? []
      : [
          `    ${quoted(`${command.name} `)}*) COMPREPLY=($(compgen -W ${quoted(command.argumentChoices.join(' '))} -- "$current")); return ;;`,
        ]),
  ]);
  const bash = [
    '# inkdeck completion for bash (and zsh, through bashcompinit)',
    '_inkdeck() {',
    '  local current="${COMP_WORDS[COMP_CWORD]}" previous="${COMP_WORDS[COMP_CWORD-1]}" command="" words="" index',
    '  for ((index = 1; index < COMP_CWORD; index++)); do',
    '    case "${COMP_WORDS[index]}" in -*) ;; *) command="${COMP_WORDS[index]}"; break ;; esac',
    '  done',
    '  case "$command" in',
    ...cases,
    `    '') words=${quoted([...commands.map((command) => command.name), '--help', '--version', ...flagsOf(defaultCommand)].join(' '))} ;;`,
    `    # A deck file: \`inkdeck FILE\` runs the default command on it.`,
    `    *) command=${defaultCommand}; words=${quoted(flagsOf(defaultCommand).join(' '))} ;;`,
    '  esac',
    '  case "$command $previous" in',
    ...valueCases,
    '  esac',
    '  if [[ "$current" == -* || -z "$command" ]]; then',
    '    COMPREPLY=($(compgen -W "$words" -- "$current"))',
    '  fi',
    '  if [[ "$current" != -* ]]; then',
    '    COMPREPLY+=($(compgen -f -X \'!*.yaml\' -- "$current") $(compgen -f -X \'!*.yml\' -- "$current") $(compgen -d -- "$current"))',
    '  fi',
    '}',
    'complete -o filenames -F _inkdeck inkdeck',
  ];
  if (shell === 'bash') return `${bash.join('\n')}\n`;
  // zsh runs the same function through its bash-compatible completion (bashcompinit).
  return ['#compdef inkdeck', 'autoload -U +X bashcompinit && bashcompinit', ...bash].join('\n') + '\n';
}

function fishScript(commands: readonly CommandWords[]): string {
  const names = commands.map((command) => command.name).join(' ');
  const lines = ['# inkdeck completion for fish', 'complete -c inkdeck -f'];
  for (const command of commands) {
    lines.push(`complete -c inkdeck -n 'not __fish_seen_subcommand_from ${names}' -a ${command.name} -d ${quoted(command.description)}`);
    for (const option of command.options) {
      lines.push(
        `complete -c inkdeck -n '__fish_seen_subcommand_from ${command.name}' -l ${option.flag.slice(2)} -d ${quoted(option.description)}${option.takesValue ? ' -r' : ''}`,
      );
    }
  }
  lines.push(
    `complete -c inkdeck -n 'not __fish_seen_subcommand_from completion schema' -k -a '(__fish_complete_suffix .yaml; __fish_complete_suffix .yml)'`,
  );
  return `${lines.join('\n')}\n`;
}
