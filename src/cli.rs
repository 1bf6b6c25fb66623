//! The command line: `planbook check`, `build`, `serve`, `new`, `report`, `register`,
//! `import` and `pdf`, in the manner of cargo and zola.

use crate::build::{self, BuildOptions};
use crate::commands::register::{self, RegisterOptions};
use crate::diag::Failure;
use crate::email::{self, EmailReportOptions};
use crate::model::{FiscalYear, Month};
use crate::scaffold;
use crate::serve::ServeOptions;
use crate::tr;
use clap::{Parser, Subcommand};
use std::io::{IsTerminal, Write};
use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit codes: 0 ok, 1 content errors, 2 usage or I/O errors, 3 built with plans left out
/// (`build --keep-going`).
pub const EXIT_CONTENT: u8 = crate::diag::exit::CONTENT;
pub const EXIT_USAGE: u8 = crate::diag::exit::USAGE;
pub const EXIT_LEFT_OUT: u8 = crate::diag::exit::LEFT_OUT;

#[derive(Parser, Debug)]
#[command(
    name = "planbook",
    version,
    about = "Operational plans and budget progress: from YAML to an intranet site, printable plans and email reports"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Validate and compute only; print errors and warnings; exit 1 on errors.
    Check {
        /// The content folder.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// Compute as of this month (YYYY-MM, C.E. or B.E.).
        #[arg(long, value_parser = parse_month)]
        as_of: Option<Month>,
        /// List the alerts of every plan (by default, of the plans under the current folder).
        #[arg(long)]
        alerts: bool,
    },
    /// Validate, compute and write the site and data export.
    Build {
        /// The content folder.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// Where to write the site (replaced whole, atomically).
        #[arg(long, short, default_value = "output")]
        output: PathBuf,
        /// Compute as of this month (YYYY-MM, C.E. or B.E.).
        #[arg(long, value_parser = parse_month)]
        as_of: Option<Month>,
        /// Leave out the plans (and fiscal years, pages) with errors and publish the rest;
        /// exit 3 when anything was left out.
        #[arg(long)]
        keep_going: bool,
        /// Also print every plan's document to PDF beside it (needs Chromium, Chrome or Edge).
        #[arg(long)]
        pdf: bool,
    },
    /// Build, serve on 127.0.0.1, rebuild on every change and reload the browser.
    Serve {
        /// The content folder (the `themes/` folder beside it is watched too).
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// The port; when it is taken, the next ten are tried.
        #[arg(long, default_value_t = 1111, value_parser = parse_port)]
        port: u16,
        /// The address to listen on (other machines can see the site unless it is loopback).
        #[arg(long, default_value = "127.0.0.1", value_parser = parse_interface)]
        interface: IpAddr,
        /// Open the site in the browser.
        #[arg(long)]
        open: bool,
        /// Scan for changes every half second (for network drives that send no events).
        #[arg(long)]
        poll: bool,
        /// Compute as of this month (YYYY-MM, C.E. or B.E.).
        #[arg(long, value_parser = parse_month)]
        as_of: Option<Month>,
    },
    /// Start a plan or a month's entry from a filled-in form.
    #[command(subcommand)]
    New(New),
    /// Write one self-contained HTML report of an office or a plan for a month, to attach to an email.
    Report {
        /// YEAR/OFFICE (2566/samut-prakan) or YEAR/OFFICE/ACTIVITY (2566/samut-prakan/debt-relief).
        target: String,
        /// The month (YYYY-MM, C.E. or B.E.); the latest month with an entry when left out.
        #[arg(long, value_parser = parse_month)]
        month: Option<Month>,
        /// The file to write; by default รายงาน-OFFICE[-ACTIVITY]-YYYY-MM.html in the current folder.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// The content folder.
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
    /// Read a progress workbook (from `new progress --xlsx`) back into the month's entry.
    Import {
        /// The filled-in workbook.
        file: PathBuf,
        /// Replace the month's entry if there is one (the lines that change are printed).
        #[arg(long)]
        force: bool,
        /// The content folder.
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
    /// Write an office's register of a month (ทะเบียนคุมการจัดสรร - เบิกจ่ายงบประมาณ) as an Excel workbook.
    Register {
        /// YEAR/OFFICE, e.g. 2566/samut-prakan.
        target: String,
        /// The month (YYYY-MM, C.E. or B.E.); the latest month with an entry when left out.
        #[arg(long, value_parser = parse_month)]
        month: Option<Month>,
        /// The file to write; by default ทะเบียนคุม-OFFICE-YYYY-MM.xlsx in the current folder.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// The content folder.
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
    /// Print plan documents to PDF with an installed Chromium, Chrome or Edge (or PLANBOOK_BROWSER).
    Pdf {
        /// YEAR/OFFICE/ACTIVITY (2566/samut-prakan/debt-relief), or YEAR/OFFICE for all its plans.
        #[arg(required = true)]
        plans: Vec<String>,
        /// The folder to write the PDFs into (YEAR-OFFICE-ACTIVITY.pdf).
        #[arg(long, short, default_value = ".")]
        output: PathBuf,
        /// The content folder.
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
}

#[derive(Subcommand, Debug)]
pub enum New {
    /// Write plans/<YEAR>/<OFFICE>/<ACTIVITY>/plan.yaml to fill in, or a copy of an earlier plan.
    Plan {
        /// OFFICE/ACTIVITY, e.g. samut-prakan/debt-relief.
        target: String,
        /// The fiscal year, B.E. (2567) or C.E. (2024).
        #[arg(long, value_parser = parse_year)]
        year: FiscalYear,
        /// Copy this plan (e.g. 2566/samut-prakan/debt-relief): amounts kept, progress dropped.
        #[arg(long)]
        from: Option<String>,
        /// The content folder.
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
    /// Write a plan's progress entry for a month, every id listed.
    Progress {
        /// The plan, e.g. 2566/samut-prakan/debt-relief.
        plan: String,
        /// The month (YYYY-MM, C.E. or B.E.).
        #[arg(long, value_parser = parse_month)]
        month: Month,
        /// Write an Excel workbook to fill in instead (read back with `planbook import`).
        #[arg(long)]
        xlsx: bool,
        /// With --xlsx: the file to write; by default OFFICE-ACTIVITY-YYYY-MM.xlsx (B.E.) here.
        #[arg(long, short, requires = "xlsx")]
        output: Option<PathBuf>,
        /// The content folder.
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
}

fn parse_year(text: &str) -> Result<FiscalYear, String> {
    FiscalYear::parse(&crate::validate::fields::to_ascii_digits(text))
        .ok_or_else(|| tr!("not-a-year", value = text))
}

fn parse_port(text: &str) -> Result<u16, String> {
    crate::validate::fields::to_ascii_digits(text)
        .parse()
        .map_err(|_| tr!("not-a-port", value = text))
}

fn parse_interface(text: &str) -> Result<IpAddr, String> {
    text.parse()
        .map_err(|_| tr!("not-an-interface", value = text))
}

fn parse_month(text: &str) -> Result<Month, String> {
    crate::validate::fields::parse_month_typed(text).ok_or_else(|| tr!("not-a-month", value = text))
}

/// Parses the command line of this process, its `--help` in the language of the run
/// (choose it first: [`crate::i18n::choose_from_env`]).
pub fn parse() -> Cli {
    use clap::{CommandFactory, FromArgMatches};
    let lang = crate::i18n::current();
    let command = localized_help(Cli::command(), lang);
    command
        .try_get_matches()
        .and_then(|matches| Cli::from_arg_matches(&matches))
        .unwrap_or_else(|error| refuse(&error, lang))
}

/// Prints clap's refusal of the command line in the language of the run and exits as clap
/// would (status 2; 0 for `--help` and `--version`).
fn refuse(error: &clap::Error, lang: crate::i18n::Lang) -> ! {
    match crate::cli_errors::localized(error, lang) {
        Some(said) => {
            eprint!("{said}");
            std::process::exit(error.exit_code())
        }
        None => error.exit(),
    }
}

/// The command's `about` and its arguments' `help` from the catalog, in a language other
/// than English (the English texts are the doc comments above). Ids: `help` for the program,
/// `help-new-progress` for a subcommand, `help-new-progress--month` for an argument.
pub fn localized_help(command: clap::Command, lang: crate::i18n::Lang) -> clap::Command {
    if lang == crate::i18n::Lang::En {
        return command;
    }
    let mut command = localize_command(command, "help", lang);
    // clap adds its `help` subcommands, with an English line, when it builds the command.
    command.build();
    let help = crate::i18n::lookup(lang, "help-subcommand-help").unwrap_or_default();
    let options = crate::i18n::lookup(lang, "help-usage-options").unwrap_or_default();
    relabel_help_subcommands(command, &help, &options)
}

/// The `help` subcommands' line, and clap's `[OPTIONS]` in the usage lines, in the catalog's
/// words.
fn relabel_help_subcommands(
    mut command: clap::Command,
    help: &str,
    options: &str,
) -> clap::Command {
    let usage = command.render_usage().to_string();
    let usage = usage
        .split_once(": ")
        .map_or(usage.as_str(), |(_, rest)| rest);
    command = command.override_usage(usage.replace("[OPTIONS]", options));
    let names: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_string())
        .collect();
    for name in names {
        command = command.mut_subcommand(name.as_str(), |sub| {
            if sub.get_name() == "help" {
                sub.about(help.to_string())
            } else {
                relabel_help_subcommands(sub, help, options)
            }
        });
    }
    command
}

fn localize_command(command: clap::Command, id: &str, lang: crate::i18n::Lang) -> clap::Command {
    use clap::{Arg, ArgAction};
    let text = |id: &str| crate::i18n::lookup(lang, id).unwrap_or_default();
    let about = crate::i18n::lookup(lang, id);
    let mut command = match about {
        Some(text) => command.about(text).long_about(None),
        None => command,
    };
    // clap's own words: the usage line, the headings and the help and version flags.
    let has_version = command.get_version().is_some();
    command = command
        .help_template(format!(
            "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            text("help-usage")
        ))
        .subcommand_help_heading(text("help-heading-commands"))
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(text("help-flag")),
        );
    if has_version {
        command = command.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(text("help-version-flag")),
        );
    }
    let options_heading = text("help-heading-options");
    let arguments_heading = text("help-heading-arguments");
    command = command.mut_args(|arg| {
        if arg.is_positional() {
            arg.help_heading(arguments_heading.clone())
        } else {
            arg.help_heading(options_heading.clone())
        }
    });
    let args: Vec<String> = command
        .get_arguments()
        .map(|arg| arg.get_id().to_string())
        .collect();
    for arg in args {
        if let Some(text) = crate::i18n::lookup(lang, &format!("{id}--{arg}")) {
            command = command.mut_arg(arg.as_str(), |a| {
                // clap's `[default: …]`, in the catalog's words.
                let defaults: Vec<String> = a
                    .get_default_values()
                    .iter()
                    .map(|v| v.to_string_lossy().into_owned())
                    .collect();
                let shown = !defaults.is_empty()
                    && a.get_action().takes_values()
                    && !a.is_hide_default_value_set();
                if !shown {
                    return a.help(text).long_help(None);
                }
                let value = defaults.join(", ");
                let default = crate::i18n::text(lang, "help-default", &[("value", value)]);
                a.help(format!("{text} {default}"))
                    .long_help(None)
                    .hide_default_value(true)
            });
        }
    }
    let subcommands: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_string())
        .collect();
    for name in subcommands {
        let sub_id = format!("{id}-{name}");
        command = command.mut_subcommand(name.as_str(), |sub| localize_command(sub, &sub_id, lang));
    }
    command
}

/// Runs a parsed command line and returns the process exit code.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Check {
            content,
            as_of,
            alerts,
        } => check(content, as_of, alerts),
        Command::Build {
            content,
            output,
            as_of,
            keep_going,
            pdf,
        } => {
            let options = BuildOptions {
                content_dir: content,
                output_dir: output,
                as_of,
            };
            if keep_going {
                build_keeping_going(options, pdf)
            } else {
                build(options, pdf)
            }
        }
        Command::Serve {
            content,
            port,
            interface,
            open,
            poll,
            as_of,
        } => serve(&ServeOptions {
            content_dir: content,
            port,
            interface,
            open,
            poll,
            as_of,
        }),
        Command::New(new) => scaffold_command(new),
        Command::Report {
            target,
            month,
            output,
            content,
        } => report_command(EmailReportOptions {
            content_dir: content,
            target,
            month,
            output,
        }),
        Command::Import {
            file,
            force,
            content,
        } => import_command(&crate::progress_sheet::ImportOptions {
            content_dir: content,
            file,
            force,
        }),
        Command::Register {
            target,
            month,
            output,
            content,
        } => register_command(RegisterOptions {
            content_dir: content,
            target,
            month,
            output,
        }),
        Command::Pdf {
            plans,
            output,
            content,
        } => pdf_command(&crate::pdf::PdfOptions {
            content_dir: content,
            targets: plans,
            output_dir: output,
        }),
    }
}

fn import_command(options: &crate::progress_sheet::ImportOptions) -> ExitCode {
    match crate::progress_sheet::import(options) {
        Ok(summary) => {
            eprint!("{}", summary.warnings);
            println!(
                "{}",
                tr!(
                    "wrote-month",
                    path = summary.path.display(),
                    month = summary.month
                )
            );
            if let Some(changes) = summary.changes {
                if changes.is_empty() {
                    println!("{}", tr!("import-replaced-same"));
                } else {
                    println!("{}", tr!("import-replaced-changed"));
                    for line in changes {
                        println!("  {line}");
                    }
                }
            }
            ExitCode::SUCCESS
        }
        Err(error) => fail(&error),
    }
}

/// What a command that writes one file says: its warnings, then
/// `wrote PATH (SIZE, N things, MONTH)`.
struct Wrote<'a> {
    warnings: &'a str,
    path: &'a std::path::Path,
    bytes: usize,
    count: usize,
    /// What is counted: `"rows"` of a register, or `"plans"` of a report.
    counted: &'static str,
    month: Month,
}

fn wrote(w: Wrote<'_>) -> ExitCode {
    eprint!("{}", w.warnings);
    let (path, size) = (w.path.display(), email::size_label(w.bytes));
    let line = tr!(
        "wrote-counted",
        path = path,
        size = size,
        count = w.count,
        what = w.counted,
        month = w.month
    );
    println!("{line}");
    ExitCode::SUCCESS
}

fn register_command(options: RegisterOptions) -> ExitCode {
    match register::write_register(&options) {
        Ok(s) => wrote(Wrote {
            warnings: &s.warnings,
            path: &s.path,
            bytes: s.bytes,
            count: s.rows,
            counted: "rows",
            month: s.month,
        }),
        Err(error) => fail(&error),
    }
}

fn pdf_command(options: &crate::pdf::PdfOptions) -> ExitCode {
    match crate::pdf::print_plans(options) {
        Ok(summary) => {
            eprint!("{}", summary.warnings);
            for path in &summary.written {
                println!("{}", tr!("wrote", path = path.display()));
            }
            let seconds = format!("{:.2}", summary.printing.as_secs_f64());
            println!(
                "{}",
                tr!(
                    "printed-documents",
                    count = summary.written.len(),
                    seconds = seconds
                )
            );
            ExitCode::SUCCESS
        }
        Err(error) => fail(&error),
    }
}

fn report_command(options: EmailReportOptions) -> ExitCode {
    match email::write_email_report(&options) {
        Ok(s) => wrote(Wrote {
            warnings: &s.warnings,
            path: &s.path,
            bytes: s.bytes,
            count: s.plans,
            counted: "plans",
            month: s.month,
        }),
        Err(error) => fail(&error),
    }
}

fn serve(options: &ServeOptions) -> ExitCode {
    match crate::serve::serve(options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => fail(&error),
    }
}

fn scaffold_command(new: New) -> ExitCode {
    let result = match new {
        New::Plan {
            target,
            year,
            from,
            content,
        } => scaffold::plan::new_plan(
            &content,
            &scaffold::plan::NewPlan {
                target: &target,
                year,
                from: from.as_deref(),
            },
        ),
        New::Progress {
            plan,
            month,
            xlsx: false,
            content,
            ..
        } => scaffold::progress::new_progress(&content, &plan, month).map(|path| (path, None)),
        New::Progress {
            plan,
            month,
            xlsx: true,
            output,
            content,
        } => crate::progress_sheet::new_progress_workbook(&content, &plan, month, output)
            .map(|path| (path, None)),
    };
    match result {
        Ok((path, note)) => {
            println!("{}", tr!("wrote", path = path.display()));
            if let Some(note) = note {
                eprintln!("{}: {note}", tr!("note"));
            }
            ExitCode::SUCCESS
        }
        Err(error) => fail(&error),
    }
}

fn check(content: PathBuf, as_of: Option<Month>, all_alerts: bool) -> ExitCode {
    let mut checked = match crate::check::check(&content) {
        Ok(checked) => checked,
        Err(error) => return fail(&error),
    };
    let figures = (!checked.has_errors()).then(|| crate::compute::execute(&checked.content, as_of));
    // A clean content is rendered without writing, when any link could break the build.
    if let Some(figures) = &figures
        && crate::site::source_links::may_link(&checked.content)
    {
        match crate::pipeline::broken_links(&checked, figures) {
            Ok(broken) => crate::site::source_links::report(
                &broken,
                &checked.content,
                &content,
                &mut checked.sources,
                &mut checked.across_diagnostics,
            ),
            Err(error) => return fail(&build::BuildError::from(error)),
        }
    }
    let diags = checked.diagnostics();
    eprint!("{}", diags.render(&checked.sources));
    let Some(figures) = figures.filter(|_| !diags.has_errors()) else {
        eprintln!(
            "{}: {}",
            tr!("diag-error"),
            tr!(
                "check-failed",
                errors = diags.error_count(),
                warnings = diags.warning_count()
            )
        );
        return ExitCode::from(EXIT_CONTENT);
    };
    let here = std::env::current_dir().ok();
    let listed = crate::compute::alerts::listing(&checked.content, &figures, |plan| {
        all_alerts
            || here
                .as_deref()
                .is_some_and(|here| is_near(&content, &plan.id, here))
    });
    print!("{listed}");
    let alerts: usize = figures
        .years
        .iter()
        .flat_map(|y| y.plans.iter())
        .map(|p| p.alerts.len())
        .sum();
    println!(
        "{}",
        tr!(
            "check-ok",
            plans = checked.content.plans.len(),
            warnings = diags.warning_count(),
            alerts = alerts
        )
    );
    ExitCode::SUCCESS
}

/// Whether `here` is inside the content's `plans/` folder and the folder of `plan` is under
/// it, or `here` is inside the plan's folder (an officer in its `progress/`). Run from
/// elsewhere (the repository, CI), `check` lists no alerts unless asked.
fn is_near(content: &std::path::Path, plan: &crate::model::PlanId, here: &std::path::Path) -> bool {
    let plans = content.join("plans");
    let folder = plans.join(plan.to_string());
    let (Ok(plans), Ok(folder), Ok(here)) = (
        plans.canonicalize(),
        folder.canonicalize(),
        here.canonicalize(),
    ) else {
        return false;
    };
    here.starts_with(&plans) && (folder.starts_with(&here) || here.starts_with(&folder))
}

fn build(options: BuildOptions, pdf: bool) -> ExitCode {
    let built = if pdf {
        build::build_with_pdfs(&options)
    } else {
        build::build(&options)
    };
    match built {
        Ok(summary) => {
            eprint!("{}", summary.warnings);
            let mut out = std::io::stdout();
            let _ = writeln!(out, "{}", summary.line(&options.output_dir));
            ExitCode::SUCCESS
        }
        Err(error) => fail(&error),
    }
}

/// `build --keep-going`: every error of what was left out, grouped by office, then the
/// warnings and the summary; exit 3 when anything was left out.
fn build_keeping_going(options: BuildOptions, pdf: bool) -> ExitCode {
    match build::build_keeping_going(&options, pdf) {
        Ok((summary, left_out)) => {
            eprint!("{}", left_out.report());
            eprint!("{}", summary.warnings);
            let mut out = std::io::stdout();
            let _ = writeln!(out, "{}", summary.line(&options.output_dir));
            if left_out.is_empty() {
                return ExitCode::SUCCESS;
            }
            eprintln!("{}: {}", error_label(), left_out.line());
            ExitCode::from(EXIT_LEFT_OUT)
        }
        Err(error) => fail(&error),
    }
}

/// How every command ends on an error: the content's findings or the input's problems,
/// the error line, and the exit code the error decides.
fn fail(error: &dyn Failure) -> ExitCode {
    if let Some(findings) = error.findings() {
        eprint!("{findings}");
    }
    for problem in error.problems() {
        eprintln!("{}: {problem}", error_label());
    }
    eprintln!("{}: {}", error_label(), error.line());
    ExitCode::from(error.exit_code())
}

/// `error` (in the language of the run), in bold red on a terminal.
fn error_label() -> String {
    let label = tr!("diag-error");
    if std::io::stderr().is_terminal() {
        format!("\x1b[1;31m{label}\x1b[0m")
    } else {
        label
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, lookup};
    use clap::CommandFactory;

    /// Every command and argument has its Thai help in the catalog, and the English catalog
    /// says what the doc comments say.
    #[test]
    fn every_command_and_argument_has_thai_help() {
        fn walk(command: &clap::Command, id: &str, missing: &mut Vec<String>) {
            let english = command.get_about().map(|a| a.to_string());
            if lookup(Lang::Th, id).is_none() || lookup(Lang::En, id) != english {
                missing.push(id.to_string());
            }
            for arg in command.get_arguments() {
                let arg_id = format!("{id}--{}", arg.get_id());
                let english = arg.get_help().map(|h| h.to_string());
                if lookup(Lang::Th, &arg_id).is_none() || lookup(Lang::En, &arg_id) != english {
                    missing.push(arg_id);
                }
            }
            for sub in command.get_subcommands() {
                walk(sub, &format!("{id}-{}", sub.get_name()), missing);
            }
        }
        let mut missing = Vec::new();
        walk(&Cli::command(), "help", &mut missing);
        assert!(
            missing.is_empty(),
            "no Thai help or other English: {missing:?}"
        );
    }

    #[test]
    fn thai_help_is_shown_in_thai() {
        let mut command = localized_help(Cli::command(), Lang::Th);
        let help = command
            .find_subcommand_mut("check")
            .expect("check")
            .render_help()
            .to_string();
        assert!(help.contains("ตรวจและคำนวณอย่างเดียว"), "{help}");
        assert!(help.contains("โฟลเดอร์เนื้อหา"), "{help}");
        assert!(help.contains("วิธีใช้: "), "{help}");
        assert!(
            help.contains("ตัวเลือก:") && help.contains("แสดงวิธีใช้"),
            "{help}"
        );
        assert!(
            !help.contains("Options") && !help.contains("Usage"),
            "{help}"
        );
    }
}
