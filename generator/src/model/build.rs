//! Builds the [`Model`] from parsed specs: modules from files, then types from component
//! schemas, then operations. Problems are collected, so one run reports all of them.

use std::collections::{BTreeMap, BTreeSet};

use openapiv3::{
    Parameter, ParameterSchemaOrContent, PathItem, ReferenceOr, Response, SecurityScheme,
};

use super::schema::{Builder, SchemaRef};
use super::{
    Api, AuthScheme, Constraints, CrateConfigModel, ErrorResponse, FieldName, HttpMethod,
    IntegerKind, Model, Module, Operation, Pagination, Param, ParamLocation, PathSegment, Server,
    TypeDefKind, TypeRef,
};
use crate::error::Error;
use crate::load::{Specs, escape};
use crate::names;

/// Builds the model of `specs`, or reports every problem found.
pub fn build(specs: &Specs) -> Result<Model, Error> {
    let mut builder = Builder {
        specs,
        problems: Vec::new(),
        types: BTreeMap::new(),
        modules: BTreeMap::new(),
        components: BTreeMap::new(),
    };
    for file in specs.files.keys() {
        let stem = file.trim_end_matches(".yaml").trim_end_matches(".yml");
        let module = names::snake_name(stem);
        if let Some((other, _)) = builder.modules.iter().find(|(_, m)| **m == module) {
            let message = format!(
                "`{other}` and `{file}` both become the Rust module `{module}`; rename one"
            );
            builder.problem(file, "", message);
        }
        builder.modules.insert(file.clone(), module);
    }
    builder.register_components();
    builder.build_components();

    let mut modules = Vec::new();
    for (file, spec) in &specs.files {
        let api = builder.api(file);
        let info = &spec.doc.info;
        modules.push(Module {
            name: builder.modules[file].clone(),
            file: file.clone(),
            title: info.title.clone(),
            version: info.version.clone(),
            description: info.description.clone(),
            api,
            types: Vec::new(),
        });
    }
    for (type_name, def) in std::mem::take(&mut builder.types) {
        if let Some(module) = modules.iter_mut().find(|m| m.name == type_name.module) {
            module.types.push(def);
        }
    }
    modules.sort_by(|a, b| a.name.cmp(&b.name));
    if !builder.problems.is_empty() {
        let mut problems = builder.problems;
        problems.sort_by(|a, b| (&a.file, a.line, &a.pointer).cmp(&(&b.file, b.line, &b.pointer)));
        problems.dedup();
        return Err(Error { problems });
    }
    let mut model = Model {
        specs_dir: specs.dir.clone(),
        crate_config: CrateConfigModel::from(&specs.config),
        modules,
    };
    detect_pagination(&mut model);
    Ok(model)
}

impl Builder<'_> {
    /// The API of one file, if it has operations.
    fn api(&mut self, file: &str) -> Option<Api> {
        let spec = self.specs.file(file);
        let doc = &spec.doc;
        if doc.paths.paths.is_empty() {
            return None;
        }
        let server = self.server(file)?;
        let auth = self.auth(
            file,
            doc.security.as_deref().unwrap_or_default(),
            "/security",
        );
        let mut operations: Vec<Operation> = Vec::new();
        let mut ids: BTreeMap<String, String> = BTreeMap::new();
        for (path, item) in &doc.paths.paths {
            let path_pointer = format!("/paths/{}", escape(path));
            let item = match item {
                ReferenceOr::Item(item) => item,
                ReferenceOr::Reference { .. } => {
                    self.problem(
                        file,
                        &path_pointer,
                        "unsupported construct: `$ref` path items",
                    );
                    continue;
                }
            };
            if !item.servers.is_empty() {
                self.problem(
                    file,
                    &format!("{path_pointer}/servers"),
                    "unsupported construct: per-path `servers`",
                );
            }
            for (method, operation) in item.iter() {
                let pointer = format!("{path_pointer}/{method}");
                let Some(op) = self.operation(file, path, item, method, operation, &pointer) else {
                    continue;
                };
                if let Some(first) = ids.get(&op.id) {
                    let message =
                        format!("duplicate operationId `{}` (also used at {first})", op.id);
                    self.problem(file, &format!("{pointer}/operationId"), message);
                    continue;
                }
                if let Some(other) = operations.iter().find(|o| o.method_name == op.method_name) {
                    let message = format!(
                        "operationIds `{}` and `{}` both become the method `{}`",
                        other.id, op.id, op.method_name
                    );
                    self.problem(file, &format!("{pointer}/operationId"), message);
                    continue;
                }
                ids.insert(op.id.clone(), pointer.clone());
                operations.push(op);
            }
        }
        operations.sort_by(|a, b| a.method_name.cmp(&b.method_name));
        let handle = names::type_name(&self.modules[file]);
        Some(Api {
            handle,
            server,
            auth,
            operations,
        })
    }

    fn server(&mut self, file: &str) -> Option<Server> {
        let servers = &self.specs.file(file).doc.servers;
        let Some(first) = servers.first() else {
            self.problem(file, "", "an API needs a `servers` entry with its base URL");
            return None;
        };
        let pointer = "/servers/0/url";
        let parsed = first.url.split_once("://").and_then(|(scheme, rest)| {
            let (host, base_path) = match rest.find('/') {
                Some(index) => (&rest[..index], rest[index..].trim_end_matches('/')),
                None => (rest, ""),
            };
            let valid_host = !host.is_empty()
                && host
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || ".-:".contains(c));
            (matches!(scheme, "http" | "https") && valid_host)
                .then(|| (scheme.to_owned(), host.to_owned(), base_path.to_owned()))
        });
        match parsed {
            Some(_) if first.url.contains('{') => {
                self.problem(file, pointer, "unsupported construct: server URL variables");
                None
            }
            Some((scheme, host, base_path)) => Some(Server {
                scheme,
                host,
                base_path,
                source: self.source(file, pointer),
            }),
            None => {
                self.problem(
                    file,
                    pointer,
                    format!("server URL `{}` is not an absolute http(s) URL", first.url),
                );
                None
            }
        }
    }

    fn auth(
        &mut self,
        file: &str,
        requirements: &[openapiv3::SecurityRequirement],
        pointer: &str,
    ) -> Vec<AuthScheme> {
        let spec = self.specs.file(file);
        let schemes = spec.doc.components.as_ref().map(|c| &c.security_schemes);
        let mut out = Vec::new();
        for (index, requirement) in requirements.iter().enumerate() {
            for name in requirement.keys() {
                let here = format!("{pointer}/{index}/{}", escape(name));
                match schemes.and_then(|s| s.get(name)) {
                    Some(ReferenceOr::Item(SecurityScheme::HTTP { scheme, .. })) if scheme.eq_ignore_ascii_case("basic") => {
                        let auth = AuthScheme::Basic { name: name.clone() };
                        if !out.contains(&auth) {
                            out.push(auth);
                        }
                    }
                    Some(_) => self.problem(file, &here, format!("unsupported construct: security scheme `{name}` (only HTTP basic is supported)")),
                    None => self.problem(file, &here, format!("security scheme `{name}` is not defined in components.securitySchemes")),
                }
            }
        }
        out
    }

    fn operation(
        &mut self,
        file: &str,
        path: &str,
        item: &PathItem,
        method: &str,
        operation: &openapiv3::Operation,
        pointer: &str,
    ) -> Option<Operation> {
        let Some(id) = operation
            .operation_id
            .clone()
            .filter(|id| !id.trim().is_empty())
        else {
            self.problem(
                file,
                pointer,
                "operation has no operationId (the generated method is named after it)",
            );
            return None;
        };
        if operation.request_body.is_some() {
            self.problem(
                file,
                &format!("{pointer}/requestBody"),
                "unsupported construct: request bodies",
            );
            return None;
        }
        if !operation.servers.is_empty() {
            self.problem(
                file,
                &format!("{pointer}/servers"),
                "unsupported construct: per-operation `servers`",
            );
        }
        if let Some(security) = &operation.security {
            self.auth(file, security, &format!("{pointer}/security"));
        }
        let http_method = match method {
            "get" => HttpMethod::Get,
            "put" => HttpMethod::Put,
            "post" => HttpMethod::Post,
            "delete" => HttpMethod::Delete,
            "options" => HttpMethod::Options,
            "head" => HttpMethod::Head,
            "patch" => HttpMethod::Patch,
            _ => HttpMethod::Trace,
        };
        let builder = names::type_name(&id);
        let path_segments = self.path_segments(file, path, &format!("/paths/{}", escape(path)))?;

        // Path-level parameters apply unless the operation redefines them (same name and place).
        let mut params: Vec<Param> = Vec::new();
        let own = operation
            .parameters
            .iter()
            .enumerate()
            .map(|(i, p)| (p, format!("{pointer}/parameters/{i}")));
        let path_level = item
            .parameters
            .iter()
            .enumerate()
            .map(|(i, p)| (p, format!("/paths/{}/parameters/{i}", escape(path))));
        for (parameter, param_pointer) in own.chain(path_level) {
            let Some(param) = self.param(file, &builder, parameter, &param_pointer) else {
                continue;
            };
            if params
                .iter()
                .any(|p| p.name == param.name && p.location == param.location)
            {
                continue;
            }
            if let Some(other) = params.iter().find(|p| p.rust_name == param.rust_name) {
                let message = format!(
                    "parameters `{}` and `{}` both become `{}`",
                    other.name, param.name, param.rust_name
                );
                self.problem(file, &param_pointer, message);
                continue;
            }
            params.push(param);
        }
        let declared: BTreeSet<&str> = params
            .iter()
            .filter(|p| p.location == ParamLocation::Path)
            .map(|p| p.name.as_str())
            .collect();
        let used: BTreeSet<&str> = path_segments
            .iter()
            .filter_map(|s| {
                if let PathSegment::Param(n) = s {
                    Some(n.as_str())
                } else {
                    None
                }
            })
            .collect();
        for missing in used.difference(&declared) {
            self.problem(
                file,
                pointer,
                format!("path parameter `{missing}` of `{path}` is not declared"),
            );
        }
        for extra in declared.difference(&used) {
            self.problem(
                file,
                pointer,
                format!("path parameter `{extra}` does not appear in `{path}`"),
            );
        }
        // Path parameters first, in the order they appear in the path.
        params.sort_by_key(|p| match p.location {
            ParamLocation::Path => (
                0,
                path_segments
                    .iter()
                    .position(|s| *s == PathSegment::Param(p.name.clone())),
            ),
            ParamLocation::Query => (1, None),
        });

        let (response, errors) = self.responses(file, &id, operation, pointer)?;
        Some(Operation {
            method_name: names::snake_name(&id),
            builder,
            id,
            http_method,
            path: path.to_owned(),
            path_segments,
            summary: operation.summary.clone(),
            description: operation.description.clone(),
            params,
            response,
            errors,
            pagination: None,
            deprecated: operation.deprecated,
            source: self.source(file, pointer),
        })
    }

    fn path_segments(&mut self, file: &str, path: &str, pointer: &str) -> Option<Vec<PathSegment>> {
        let mut segments = Vec::new();
        let mut rest = path;
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}').map(|c| open + c) else {
                self.problem(file, pointer, format!("path `{path}` has an unclosed `{{`"));
                return None;
            };
            if open > 0 {
                segments.push(PathSegment::Literal(rest[..open].to_owned()));
            }
            let name = &rest[open + 1..close];
            if name.is_empty() || name.contains('{') {
                self.problem(
                    file,
                    pointer,
                    format!("path `{path}` has an invalid parameter placeholder"),
                );
                return None;
            }
            segments.push(PathSegment::Param(name.to_owned()));
            rest = &rest[close + 1..];
        }
        if !rest.is_empty() {
            segments.push(PathSegment::Literal(rest.to_owned()));
        }
        if !path.starts_with('/') {
            self.problem(file, pointer, format!("path `{path}` must start with `/`"));
            return None;
        }
        Some(segments)
    }

    fn param(
        &mut self,
        file: &str,
        operation: &str,
        parameter: &ReferenceOr<Parameter>,
        pointer: &str,
    ) -> Option<Param> {
        let (parameter, file_of_param) = match parameter {
            ReferenceOr::Item(p) => (p.clone(), file.to_owned()),
            ReferenceOr::Reference { reference } => {
                let target = match self.specs.resolve(file, reference) {
                    Ok(target) if target.kind == "parameters" => target,
                    Ok(_) => {
                        self.problem(
                            file,
                            &format!("{pointer}/$ref"),
                            format!("`{reference}` is not a parameter"),
                        );
                        return None;
                    }
                    Err(message) => {
                        self.problem(file, &format!("{pointer}/$ref"), message);
                        return None;
                    }
                };
                let specs = self.specs;
                let components = specs.file(&target.file).doc.components.as_ref()?;
                match components.parameters.get(&target.name)? {
                    ReferenceOr::Item(p) => (p.clone(), target.file),
                    ReferenceOr::Reference { .. } => {
                        self.problem(
                            file,
                            pointer,
                            "unsupported construct: a parameter component that is itself a `$ref`",
                        );
                        return None;
                    }
                }
            }
        };
        let (location, data) = match &parameter {
            Parameter::Path { parameter_data, .. } => (ParamLocation::Path, parameter_data),
            Parameter::Query { parameter_data, .. } => (ParamLocation::Query, parameter_data),
            Parameter::Header { parameter_data, .. } | Parameter::Cookie { parameter_data, .. } => {
                let message = format!(
                    "unsupported construct: header and cookie parameters (`{}`)",
                    parameter_data.name
                );
                self.problem(file, pointer, message);
                return None;
            }
        };
        if location == ParamLocation::Path && !data.required {
            self.problem(
                file,
                pointer,
                format!("path parameter `{}` must be `required: true`", data.name),
            );
        }
        let ParameterSchemaOrContent::Schema(schema) = &data.format else {
            self.problem(
                file,
                pointer,
                format!(
                    "unsupported construct: parameter `{}` uses `content`",
                    data.name
                ),
            );
            return None;
        };
        let schema_ref = SchemaRef::from(schema);
        let hint = format!("{operation}{}", names::type_name(&data.name));
        let mut ty = self.type_of(
            &file_of_param,
            &format!("{pointer}/schema"),
            schema_ref,
            &hint,
        )?;
        let info = self.schema_info(&file_of_param, schema_ref);
        let constraints = self.constraints(&file_of_param, schema_ref);
        // Parameters bounded below by zero take unsigned integers; response fields stay signed so
        // an out-of-range value from the server still decodes.
        if let TypeRef::Integer(kind) = &mut ty
            && constraints.minimum.is_some_and(|m| m >= 0)
        {
            *kind = match kind {
                IntegerKind::I32 => IntegerKind::U32,
                _ => IntegerKind::U64,
            };
        }
        if matches!(ty, TypeRef::Array(_) | TypeRef::Map(_) | TypeRef::Json)
            && location == ParamLocation::Path
        {
            self.problem(
                file,
                pointer,
                format!(
                    "unsupported construct: path parameter `{}` is not a single value",
                    data.name
                ),
            );
            return None;
        }
        Some(Param {
            rust_name: names::param_name(&data.name),
            name: data.name.clone(),
            location,
            required: data.required,
            ty,
            doc: data.description.clone().or(info.doc),
            constraints,
            default: info.default,
            pii: data
                .extensions
                .get("x-pii")
                .and_then(serde_json::Value::as_bool)
                .or(info.pii),
            deprecated: data.deprecated.unwrap_or(false),
            source: self.source(file, pointer),
        })
    }

    /// Numeric bounds and string lengths of a parameter's schema.
    fn constraints(&self, file: &str, schema: SchemaRef<'_>) -> Constraints {
        use openapiv3::{SchemaKind, Type};
        let resolved = match schema {
            SchemaRef::Inline(schema) => Some(schema),
            SchemaRef::Ref(reference) => self.lookup(file, reference).map(|(_, schema)| schema),
        };
        let mut constraints = Constraints::default();
        match resolved.map(|s| &s.schema_kind) {
            Some(SchemaKind::Type(Type::Integer(integer))) => {
                constraints.minimum = integer
                    .minimum
                    .map(|m| if integer.exclusive_minimum { m + 1 } else { m });
                constraints.maximum = integer
                    .maximum
                    .map(|m| if integer.exclusive_maximum { m - 1 } else { m });
            }
            Some(SchemaKind::Type(Type::String(string))) => {
                constraints.min_length = string.min_length;
                constraints.max_length = string.max_length;
            }
            _ => {}
        }
        constraints
    }

    #[allow(clippy::type_complexity)]
    fn responses(
        &mut self,
        file: &str,
        id: &str,
        operation: &openapiv3::Operation,
        pointer: &str,
    ) -> Option<(Option<TypeRef>, Vec<ErrorResponse>)> {
        let mut success: Option<Option<TypeRef>> = None;
        let mut errors = Vec::new();
        let mut entries: Vec<(String, &ReferenceOr<Response>)> = operation
            .responses
            .responses
            .iter()
            .map(|(code, r)| (code.to_string(), r))
            .collect();
        if let Some(default) = &operation.responses.default {
            entries.push(("default".to_owned(), default));
        }
        for (status, response) in entries {
            let here = format!("{pointer}/responses/{}", escape(&status));
            let (response, response_file) = match response {
                ReferenceOr::Item(r) => (r, file.to_owned()),
                ReferenceOr::Reference { reference } => match self.specs.resolve(file, reference) {
                    Ok(target) if target.kind == "responses" => {
                        let specs = self.specs;
                        let found = specs
                            .file(&target.file)
                            .doc
                            .components
                            .as_ref()
                            .and_then(|c| c.responses.get(&target.name))
                            .and_then(|r| r.as_item());
                        match found {
                            Some(r) => (r, target.file),
                            None => {
                                self.problem(file, &here, "unsupported construct: a response component that is itself a `$ref`");
                                continue;
                            }
                        }
                    }
                    Ok(_) => {
                        self.problem(
                            file,
                            &format!("{here}/$ref"),
                            format!("`{reference}` is not a response"),
                        );
                        continue;
                    }
                    Err(message) => {
                        self.problem(file, &format!("{here}/$ref"), message);
                        continue;
                    }
                },
            };
            let is_success = status.starts_with('2');
            if !is_success {
                errors.push(ErrorResponse {
                    status,
                    description: response.description.clone(),
                });
                continue;
            }
            if success.is_some() {
                continue;
            }
            let json = response.content.iter().find(|(media, _)| {
                media.starts_with("application/json") || media.ends_with("+json")
            });
            let body = match (json, response.content.is_empty()) {
                (_, true) => None,
                (Some((_, media)), _) => match &media.schema {
                    Some(schema) => {
                        let schema_pointer = format!(
                            "{here}/content/{}/schema",
                            escape(json.map_or("", |(m, _)| m))
                        );
                        Some(self.type_of(
                            &response_file,
                            &schema_pointer,
                            schema.into(),
                            &format!("{id}Response"),
                        )?)
                    }
                    None => Some(TypeRef::Json),
                },
                (None, false) => {
                    self.problem(
                        file,
                        &format!("{here}/content"),
                        "unsupported construct: success responses that are not JSON",
                    );
                    return None;
                }
            };
            success = Some(body);
        }
        let Some(response) = success else {
            self.problem(
                file,
                &format!("{pointer}/responses"),
                "operation has no 2XX response",
            );
            return None;
        };
        Some((response, errors))
    }
}

/// Marks list operations: a response struct with one array field and a `meta` struct that
/// carries `next_page_url` (Twilio's paging convention).
fn detect_pagination(model: &mut Model) {
    let mut found = Vec::new();
    for (module_index, module) in model.modules.iter().enumerate() {
        let Some(api) = &module.api else { continue };
        for (op_index, op) in api.operations.iter().enumerate() {
            let Some(TypeRef::Named(page_type)) = &op.response else {
                continue;
            };
            let Some(TypeDefKind::Struct(fields)) = model.type_def(page_type).map(|t| &t.kind)
            else {
                continue;
            };
            let arrays: Vec<_> = fields
                .iter()
                .filter(|f| matches!(f.ty, TypeRef::Array(_)))
                .collect();
            let meta = fields.iter().find_map(|f| {
                let TypeRef::Named(meta_type) = &f.ty else {
                    return None;
                };
                let Some(TypeDefKind::Struct(meta_fields)) =
                    model.type_def(meta_type).map(|t| &t.kind)
                else {
                    return None;
                };
                let next = meta_fields.iter().find(|m| {
                    m.name.json == "next_page_url" && matches!(m.ty, TypeRef::Url | TypeRef::String)
                })?;
                Some((f.name.clone(), next.name.clone()))
            });
            let ([items], Some((meta_field, next_url_field))) = (arrays.as_slice(), meta) else {
                continue;
            };
            let TypeRef::Array(item_type) = &items.ty else {
                continue;
            };
            let page_size_param = op
                .params
                .iter()
                .find(|p| {
                    p.location == ParamLocation::Query && p.name.eq_ignore_ascii_case("PageSize")
                })
                .map(|p| (p.rust_name.clone(), p.constraints.maximum));
            found.push((
                module_index,
                op_index,
                Pagination {
                    page_type: page_type.clone(),
                    items_field: FieldName {
                        json: items.name.json.clone(),
                        rust: items.name.rust.clone(),
                    },
                    item_type: (**item_type).clone(),
                    meta_field,
                    next_url_field,
                    page_size_param,
                },
            ));
        }
    }
    for (module_index, op_index, pagination) in found {
        if let Some(api) = &mut model.modules[module_index].api {
            api.operations[op_index].pagination = Some(pagination);
        }
    }
}
