//! Reading and checking a content folder: settings first, then every plan folder, each
//! finding stored once, by where it belongs (the settings, one plan folder, across plans).
//! Every command that reads content starts here; `build` goes on to publish what passed.

use crate::diag::{Diagnostics, FileId, Loc, SourceMap};
use crate::load::{self, PlanFolderFiles};
use crate::model::{Content, Plan};
use crate::render::theme::Theme;
use crate::validate;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A content folder read and checked.
pub struct Checked {
    pub content: Content,
    pub sources: SourceMap,
    /// The findings of site.yaml, the fiscal years and the pages (and the walk).
    pub settings_diagnostics: Diagnostics,
    /// The findings of each plan folder, by plan id.
    pub folder_diagnostics: BTreeMap<String, Diagnostics>,
    /// The findings across plan folders (an office named two ways) and of the output a
    /// clean content renders to (its links, for `check`).
    pub across_diagnostics: Diagnostics,
    /// The content folder read (its `static/` is copied to the output's root).
    pub content_dir: PathBuf,
    /// The theme the build will render with; `None` when it cannot be loaded (an error of
    /// the settings' findings says why), so `check` refuses what `build` would.
    pub theme: Option<Theme>,
}

/// Why the content cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum CheckError {
    /// The content has errors; the rendered findings are in `report`.
    #[error("{}", crate::tr!("build-content-errors", errors = errors))]
    Content { report: String, errors: usize },
    /// The content folder is missing or not a folder.
    #[error("{}", crate::tr!("no-content-folder", path = .0.display()))]
    NoContent(PathBuf),
}

impl crate::diag::Failure for CheckError {
    fn findings(&self) -> Option<&str> {
        match self {
            CheckError::Content { report, .. } => Some(report),
            CheckError::NoContent(_) => None,
        }
    }

    fn line(&self) -> String {
        match self {
            CheckError::Content { errors, .. } => {
                crate::tr!("build-content-errors", errors = *errors)
            }
            CheckError::NoContent(_) => self.to_string(),
        }
    }
}

impl Checked {
    /// Every finding, in one list (rendering sorts them by place).
    pub fn diagnostics(&self) -> Diagnostics {
        let mut all = self.settings_diagnostics.clone();
        all.extend(self.across_diagnostics.clone());
        for diagnostics in self.folder_diagnostics.values() {
            all.extend(diagnostics.clone());
        }
        all
    }

    fn every(&self) -> impl Iterator<Item = &Diagnostics> {
        [&self.settings_diagnostics, &self.across_diagnostics]
            .into_iter()
            .chain(self.folder_diagnostics.values())
    }

    pub fn has_errors(&self) -> bool {
        self.every().any(Diagnostics::has_errors)
    }

    pub fn error_count(&self) -> usize {
        self.every().map(Diagnostics::error_count).sum()
    }

    pub fn warning_count(&self) -> usize {
        self.every().map(Diagnostics::warning_count).sum()
    }

    /// Every finding as `path:line:col: …` lines, sorted by place.
    pub fn render(&self) -> String {
        self.diagnostics().render(&self.sources)
    }

    /// The content's errors as the error every command refuses it with; `Ok` when clean.
    pub fn refuse_errors(&self) -> Result<(), CheckError> {
        if self.has_errors() {
            return Err(CheckError::Content {
                report: self.render(),
                errors: self.error_count(),
            });
        }
        Ok(())
    }

    /// Keeps the warnings only (what `--keep-going` left out took its errors with it).
    fn keep_warnings_only(&mut self) {
        let warnings = |diagnostics: &mut Diagnostics| {
            let mut kept = Diagnostics::default();
            for finding in diagnostics
                .findings()
                .iter()
                .filter(|f| f.severity == crate::diag::Severity::Warning)
            {
                kept.warning(finding.loc, finding.said());
            }
            *diagnostics = kept;
        };
        warnings(&mut self.settings_diagnostics);
        warnings(&mut self.across_diagnostics);
        self.folder_diagnostics.values_mut().for_each(warnings);
    }

    /// `build --keep-going`: takes out every plan, fiscal year and page whose files have
    /// errors, keeps the warnings of the rest, and says what was taken out.
    pub fn leave_out(&mut self) -> crate::left_out::LeftOut {
        let left = crate::left_out::leave_out(crate::left_out::Checked {
            content: &mut self.content,
            sources: &self.sources,
            settings_diagnostics: &self.settings_diagnostics,
            folder_diagnostics: &self.folder_diagnostics,
        });
        self.keep_warnings_only();
        left
    }

    /// Reads and checks one plan folder again against the settings already checked; its
    /// findings replace the folder's. The plan, when it passed.
    pub fn recheck_folder(&mut self, content_dir: &Path, plan_id: &str) -> Option<Plan> {
        let files = load::discover_folder(content_dir, plan_id, &mut self.sources);
        let settings = validate::Settings {
            site: self.content.site.clone(),
            fiscal_years: self.content.fiscal_years.clone(),
            pages: Vec::new(),
            names: validate::names::Names::default(),
            unreadable_years: Default::default(),
        };
        let sources = &self.sources;
        let check = || check_folder(content_dir, plan_id, &files, sources, &settings);
        let folder = match load::parser_pool() {
            Some(pool) => pool.install(check),
            None => check(),
        };
        for (file, text) in folder.quoted {
            self.sources.set_text(file, text);
        }
        self.folder_diagnostics
            .insert(plan_id.to_string(), folder.diagnostics);
        folder.plan
    }
}

/// One plan folder checked, with the texts its findings quote.
struct CheckedFolder {
    plan: Option<Plan>,
    diagnostics: Diagnostics,
    quoted: Vec<(FileId, String)>,
    /// Where plan.yaml says `office:`, for the check across an office's plans.
    office_at: Option<Loc>,
}

/// Reads, parses and checks one plan folder in one go, so its raw form is dropped at once.
/// File texts are kept only where there is a finding to quote.
fn check_folder(
    content_dir: &Path,
    plan_id: &str,
    files: &PlanFolderFiles,
    sources: &SourceMap,
    settings: &validate::Settings,
) -> CheckedFolder {
    let mut local = Diagnostics::default();
    let (raw, texts) = load::load_plan_folder(content_dir, files, sources, &mut local);
    let plan = validate::plan_folder(plan_id, &raw, settings, &mut local);
    let plan_text = files
        .plan
        .and_then(|id| texts.iter().find(|(f, _)| *f == id).map(|(f, t)| (*f, t)));
    let office_at = plan_text.and_then(|(file, text)| {
        validate::unfinished::plan_file(file, text, plan.as_ref(), &mut local);
        validate::unfinished::top_level_key(file, text, "office")
    });
    let quoted = texts
        .into_iter()
        .filter(|(f, _)| local.mentions(*f))
        .collect();
    CheckedFolder {
        plan,
        diagnostics: local,
        quoted,
        office_at,
    }
}

/// Loads and validates a content folder: settings first, then every plan folder in
/// parallel.
pub fn check(content_dir: &Path) -> Result<Checked, CheckError> {
    if !content_dir.is_dir() {
        return Err(CheckError::NoContent(content_dir.to_path_buf()));
    }
    let (found, mut sources, mut diagnostics) = load::discover(content_dir);
    validate::same_plan_twice(&found, &mut diagnostics);
    let (raw_settings, texts) =
        load::load_settings(content_dir, &found, &sources, &mut diagnostics);
    for (file, text) in texts {
        sources.set_text(file, text);
    }
    let settings = validate::settings(&raw_settings, &sources, &mut diagnostics);
    crate::i18n::choose_from_content(settings.site.language);
    // The theme compiles while the plan folders are read and checked.
    let check_folders = || -> Vec<(String, CheckedFolder)> {
        found
            .plan_folders
            .par_iter()
            .map(|(plan_id, files)| {
                let folder = check_folder(content_dir, plan_id, files, &sources, &settings);
                (plan_id.clone(), folder)
            })
            .collect()
    };
    let compile_theme = || Theme::load(content_dir, settings.site.theme.as_deref());
    let (compiled, checked) = match load::parser_pool() {
        Some(pool) => pool.install(|| rayon::join(compile_theme, check_folders)),
        None => (compile_theme(), check_folders()),
    };
    let theme = theme_or_finding(
        compiled,
        &raw_settings,
        &settings.site,
        &mut sources,
        &mut diagnostics,
    );
    drop(raw_settings);
    let mut across_diagnostics = Diagnostics::default();
    validate::unfinished::office_names(
        &checked
            .iter()
            .filter_map(|(_, folder)| {
                Some(validate::unfinished::OfficeName {
                    plan: folder.plan.as_ref()?,
                    at: folder.office_at?,
                })
            })
            .collect::<Vec<_>>(),
        &mut across_diagnostics,
    );
    let mut plans = Vec::with_capacity(checked.len());
    let mut folder_diagnostics = BTreeMap::new();
    for (plan_id, folder) in checked {
        folder_diagnostics.insert(plan_id, folder.diagnostics);
        for (file, text) in folder.quoted {
            sources.set_text(file, text);
        }
        plans.extend(folder.plan);
    }
    let content = Content {
        site: settings.site,
        fiscal_years: settings.fiscal_years,
        plans,
        pages: settings.pages,
        today: Some(crate::stamp::Stamp::now().date),
    };
    Ok(Checked {
        content,
        sources,
        settings_diagnostics: diagnostics,
        folder_diagnostics,
        across_diagnostics,
        content_dir: content_dir.to_path_buf(),
        theme,
    })
}

/// The theme loaded and compiled as the build will, or its problem reported at site.yaml's
/// `theme:` (a missing theme), or at the theme's templates folder (`../themes/…`, the
/// message naming the template, line and column).
fn theme_or_finding(
    compiled: Result<Theme, crate::render::RenderError>,
    raw: &load::RawSettings,
    site: &crate::model::Site,
    sources: &mut SourceMap,
    diagnostics: &mut Diagnostics,
) -> Option<Theme> {
    let error = match compiled {
        Ok(theme) => return Some(theme),
        Err(error) => error,
    };
    let named_at = raw.site.as_ref().and_then(|(file, site)| {
        site.theme
            .as_ref()
            .map(|text| load::yaml::loc(*file, &text.referenced))
    });
    let name = site.theme.as_deref().unwrap_or("default");
    let missing = error.message.contains("not found");
    let at = match named_at {
        Some(at) if missing => at,
        // A template that does not compile: at the theme's folder, the message naming the
        // template, line and column.
        _ => load::yaml::file_start(sources.add(
            Path::new("..").join("themes").join(name).join("templates"),
            String::new(),
        )),
    };
    let message = error.message.trim_start_matches("error: ");
    diagnostics.error(at, crate::msg!("theme-error", detail = message));
    None
}
