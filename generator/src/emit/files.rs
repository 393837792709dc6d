//! The files that are not Rust modules: `Cargo.toml` and `README.md` from askama templates.

use askama::Template;

use crate::error::{Error, Problem};
use crate::load::RuntimeDependency;
use crate::model::{Model, Naming, TypeKind};

#[derive(Template)]
#[template(path = "Cargo.toml.j2", escape = "none")]
struct CargoToml {
    /// The generated-file marker line's text.
    marker: String,
    name: String,
    version: String,
    description: String,
    repository: Option<String>,
    /// Where the runtime crate comes from, as TOML keys (`path = "../runtime"`).
    runtime: String,
    /// Every module's feature, as a TOML list's items.
    all_modules: String,
    /// The runtime's helper modules, each a feature.
    helpers: &'static [crate::model::Helper],
    features: Vec<CargoFeature>,
}

/// One `name = [enables…]` line of `[features]`.
struct CargoFeature {
    name: String,
    enables: String,
}

#[derive(Template)]
#[template(path = "README.md.j2", escape = "none")]
struct Readme {
    /// The generated-file marker line's text.
    marker: String,
    source: String,
    name: String,
    krate: String,
    description: String,
    example: Option<String>,
    modules: Vec<ReadmeModule>,
}

struct ReadmeModule {
    name: String,
    feature: String,
    title: String,
    file: String,
    server: String,
    operations: Vec<ReadmeOperation>,
    types: Vec<ReadmeType>,
}

struct ReadmeOperation {
    method: String,
    http: String,
    path: String,
    returns: String,
    summary: String,
}

struct ReadmeType {
    name: String,
    kind: String,
    summary: String,
}

/// `Cargo.toml` of the generated crate.
pub fn cargo_toml(model: &Model, source: &str) -> Result<String, Error> {
    let config = &model.crate_config;
    let template = CargoToml {
        marker: super::rust::marker_text(source),
        name: toml_string(&config.name),
        version: toml_string(&config.version),
        description: toml_string(&config.description),
        repository: config.repository.as_deref().map(toml_string),
        runtime: match &config.runtime {
            RuntimeDependency::Path(path) => format!(
                "path = {}, version = {}",
                toml_string(path),
                toml_string(crate::load::RUNTIME_VERSION)
            ),
            RuntimeDependency::Version(version) => format!("version = {}", toml_string(version)),
        },
        all_modules: toml_list(
            model
                .modules
                .iter()
                .map(|m| m.feature.name.as_str())
                .chain(crate::model::HELPERS.iter().map(|h| h.name)),
        ),
        helpers: crate::model::HELPERS,
        features: model
            .modules
            .iter()
            .map(|module| CargoFeature {
                name: module.feature.name.clone(),
                enables: toml_list(module.feature.enables()),
            })
            .collect(),
    };
    render(&template, "Cargo.toml")
}

/// `README.md` of the generated crate: every operation and every model.
pub fn readme(model: &Model, source: &str) -> Result<String, Error> {
    let modules = model
        .modules
        .iter()
        .map(|module| ReadmeModule {
            name: module.name.clone(),
            feature: module.feature.name.clone(),
            title: cell(&module.title),
            file: module.file.clone(),
            server: module
                .api
                .as_ref()
                .map(|api| api.default_server().url())
                .unwrap_or_default(),
            operations: module
                .api
                .iter()
                .flat_map(|api| &api.operations)
                .map(|op| ReadmeOperation {
                    method: format!("{}()", op.method_name),
                    http: op.http_method.as_str().to_owned(),
                    path: op.path.clone(),
                    returns: match &op.pagination {
                        Some(p) => format!(
                            "pages of `{}`",
                            model.type_text(&p.item_type, Naming::Short)
                        ),
                        None => format!("`{}`", model.outcome_text(&op.outcome, Naming::Short)),
                    },
                    summary: cell(
                        op.summary
                            .as_deref()
                            .or(op.description.as_deref())
                            .unwrap_or(""),
                    ),
                })
                .collect(),
            types: module
                .types
                .iter()
                .map(|&id| model.ty(id))
                .map(|def| ReadmeType {
                    name: def.name.clone(),
                    kind: match &def.kind {
                        TypeKind::Struct(_) => "struct".to_owned(),
                        TypeKind::Enum(_) => "enum".to_owned(),
                        TypeKind::Id(id) => format!("ID `{}`", id.pattern),
                        TypeKind::Union(_) => "union".to_owned(),
                        TypeKind::Alias(_) => "alias".to_owned(),
                    },
                    summary: cell(def.doc.as_deref().unwrap_or("")),
                })
                .collect(),
        })
        .collect();
    let example = model.apis().find_map(|(module, api)| {
        let op = api.operations.iter().find(|op| op.pagination.is_some())?;
        let args: Vec<String> = op
            .arguments()
            .map(|p| format!("{:?}", p.rust_name))
            .collect();
        Some(format!(
            "{}().{}({})",
            module.name,
            op.method_name,
            args.join(", ")
        ))
    });
    let template = Readme {
        marker: super::rust::marker_text(source),
        source: source.to_owned(),
        name: model.crate_config.name.clone(),
        krate: model.crate_config.lib_name(),
        description: model.crate_config.description.clone(),
        example,
        modules,
    };
    render(&template, "README.md")
}

fn render(template: &impl Template, path: &str) -> Result<String, Error> {
    let mut text = template.render().map_err(|e| {
        Error::one(Problem {
            file: path.into(),
            line: None,
            pointer: None,
            message: format!("template error: {e}"),
        })
    })?;
    if !text.ends_with('\n') {
        text.push('\n');
    }
    Ok(text)
}

/// A TOML basic string (JSON string escapes are valid TOML).
fn toml_string(value: &str) -> String {
    serde_json::Value::String(value.to_owned()).to_string()
}

/// The items of a TOML list of strings: `"a", "b"`.
fn toml_list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items.map(toml_string).collect::<Vec<_>>().join(", ")
}

/// Text for a Markdown table cell: the first sentence, on one line, pipes escaped.
fn cell(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let first = match flat.find(". ") {
        Some(end) => &flat[..=end],
        None => &flat,
    };
    first.replace('|', "\\|")
}
