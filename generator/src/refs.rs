//! The one `$ref` resolver: a reference written in one spec file names a node (any JSON
//! pointer) in that file or in another file of the specs folder. Chains of references are
//! followed to the node they end at; a cycle is an error that lists it.

use std::borrow::Cow;

use serde_json::Value;

use crate::load::Specs;

/// A node of one of the spec files.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Node {
    /// File name within the specs folder.
    pub file: String,
    /// JSON pointer within it.
    pub pointer: String,
}

impl Node {
    /// The node at `pointer` of `file`.
    pub fn new(file: &str, pointer: impl Into<String>) -> Self {
        Node {
            file: file.to_owned(),
            pointer: pointer.into(),
        }
    }

    /// A child of this node (the key is escaped).
    pub fn child(&self, key: &str) -> Node {
        Node {
            file: self.file.clone(),
            pointer: crate::pointer::child_pointer(&self.pointer, key),
        }
    }

    /// The last segment of the pointer, unescaped (`events.v1.sink` for
    /// `/components/schemas/events.v1.sink`).
    pub fn last_segment(&self) -> String {
        let last = self.pointer.rsplit('/').next().unwrap_or_default();
        last.replace("~1", "/").replace("~0", "~")
    }
}

impl Specs {
    /// The JSON value at `node`, if there is one.
    pub fn value(&self, node: &Node) -> Option<&Value> {
        lookup(&self.files.get(&node.file)?.raw, &node.pointer)
    }

    /// Where `reference` (`#/components/schemas/X`, `./common.yaml#/components/schemas/X`),
    /// written in `from`, points. The target must exist.
    pub fn resolve(&self, from: &str, reference: &str) -> Result<Node, String> {
        let (file_part, fragment) = reference.split_once('#').unwrap_or((reference, ""));
        let file = if file_part.is_empty() {
            from.to_owned()
        } else {
            let normalized = file_part.trim_start_matches("./");
            if normalized.contains('/') || normalized.contains('\\') {
                return Err(format!(
                    "unsupported $ref `{reference}`: referenced files must be in the specs folder itself"
                ));
            }
            normalized.to_owned()
        };
        if !self.files.contains_key(&file) {
            return Err(format!(
                "unresolved $ref `{reference}`: there is no spec file `{file}` in the specs folder"
            ));
        }
        if !fragment.is_empty() && !fragment.starts_with('/') {
            return Err(format!(
                "unsupported $ref `{reference}`: the part after `#` must be a JSON pointer"
            ));
        }
        let node = Node::new(&file, fragment);
        if self.value(&node).is_none() {
            return Err(format!(
                "unresolved $ref `{reference}`: `{file}` has nothing at `{fragment}`"
            ));
        }
        Ok(node)
    }

    /// Follows `$ref`s from `node` to the first node that is not a reference. Errors name the
    /// problem: an unresolved reference, or a cycle (with the nodes on it).
    pub fn follow(&self, node: &Node) -> Result<Node, String> {
        let mut current = node.clone();
        let mut visited: Vec<Node> = Vec::new();
        loop {
            let Some(reference) = self
                .value(&current)
                .and_then(|v| v.get("$ref"))
                .and_then(Value::as_str)
            else {
                return Ok(current);
            };
            if visited.contains(&current) {
                visited.push(current);
                let cycle: Vec<String> = visited
                    .iter()
                    .map(|n| format!("{}#{}", n.file, n.pointer))
                    .collect();
                return Err(format!("`$ref` cycle: {}", cycle.join(" -> ")));
            }
            let next = self.resolve(&current.file, reference)?;
            visited.push(current);
            current = next;
        }
    }
}

/// What `value.pointer(pointer)` finds, without allocating for segments that need no
/// unescaping (the model looks up tens of thousands of pointers in a large spec).
pub fn lookup<'a>(value: &'a Value, pointer: &str) -> Option<&'a Value> {
    if pointer.is_empty() {
        return Some(value);
    }
    let rest = pointer.strip_prefix('/')?;
    rest.split('/').try_fold(value, |target, segment| {
        let segment: Cow<'_, str> = if segment.contains('~') {
            Cow::Owned(segment.replace("~1", "/").replace("~0", "~"))
        } else {
            Cow::Borrowed(segment)
        };
        match target {
            Value::Object(object) => object.get(segment.as_ref()),
            // As serde_json reads an index: no sign, no leading zero.
            Value::Array(items) if !is_unreadable_index(&segment) => segment
                .parse::<usize>()
                .ok()
                .and_then(|index| items.get(index)),
            _ => None,
        }
    })
}

fn is_unreadable_index(segment: &str) -> bool {
    segment.starts_with('+') || (segment.starts_with('0') && segment.len() > 1)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use std::collections::BTreeMap;
    use std::path::Path;

    use super::Node;
    use crate::load::load_sources;

    const SPEC: &str = "openapi: 3.0.3
info: {title: t, version: '1'}
paths: {}
components:
  schemas:
    A:
      $ref: '#/components/schemas/B'
    B:
      $ref: './other.yaml#/components/schemas/C'
    Loop1:
      $ref: '#/components/schemas/Loop2'
    Loop2:
      $ref: '#/components/schemas/Loop1'
";
    const OTHER: &str = "openapi: 3.0.3
info: {title: t, version: '1'}
paths: {}
components:
  schemas:
    C:
      type: string
";

    #[test]
    fn lookup_finds_what_serde_json_pointer_finds() {
        let value = serde_json::json!({
            "a/b": {"c~d": [10, 11, {"": 12}]},
            "": {"x": 13},
            "0": [14],
        });
        for pointer in [
            "",
            "/",
            "/a~1b",
            "/a~1b/c~0d",
            "/a~1b/c~0d/1",
            "/a~1b/c~0d/2/",
            "/a~1b/c~0d/01",
            "/a~1b/c~0d/+1",
            "/a~1b/c~0d/3",
            "/a~1b/c~0d/-1",
            "//x",
            "/0/0",
            "/0/00",
            "a",
            "/a/b",
            "/a~1b/c~0d/1/x",
            "/~2",
        ] {
            assert_eq!(
                super::lookup(&value, pointer),
                value.pointer(pointer),
                "{pointer}"
            );
        }
    }

    #[test]
    fn follows_chains_across_files_and_reports_cycles() {
        let sources = BTreeMap::from([
            ("a.yaml".to_owned(), SPEC.to_owned()),
            ("other.yaml".to_owned(), OTHER.to_owned()),
        ]);
        let specs = load_sources(Path::new("specs"), sources).unwrap();
        let end = specs
            .follow(&Node::new("a.yaml", "/components/schemas/A"))
            .unwrap();
        assert_eq!(end, Node::new("other.yaml", "/components/schemas/C"));
        let cycle = specs
            .follow(&Node::new("a.yaml", "/components/schemas/Loop1"))
            .unwrap_err();
        assert!(cycle.contains("cycle"), "{cycle}");
        let missing = specs
            .resolve("a.yaml", "#/components/schemas/Nope")
            .unwrap_err();
        assert!(missing.contains("has nothing at"), "{missing}");
        let no_file = specs.resolve("a.yaml", "./x.yaml#/a").unwrap_err();
        assert!(no_file.contains("no spec file `x.yaml`"), "{no_file}");
    }
}
