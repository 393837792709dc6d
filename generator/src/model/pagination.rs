//! Pagination strategies, chosen from the shape of a list operation's response: a page struct
//! with exactly one list field, and a way to the next page:
//! - a URL: `meta.next_page_url` (Twilio's v1/v2 APIs), or a relative `next_page_uri` at the top
//!   (api v2010) or inside a nested struct (`paging.next_page_uri`);
//! - a token: `meta.next_token` (or `next_page_token`; `nextToken` in Twilio's API Standards
//!   v1.0), at the top or inside a nested struct, sent back in the operation's own
//!   `PageToken`/`Token`/`pageToken` query parameter, under the name the spec gives it.
//!
//! A response that fits none is an ordinary operation that returns one page.

use super::draft::Builder;
use super::{
    FieldRef, HttpMethod, InputLocation, NextPage, Operation, Outcome, PageSize, Pagination,
    Struct, TypeId, TypeKind, TypeRef, ValueKind,
};

const URL_FIELDS: &[&str] = &["next_page_url", "next_page_uri"];
const TOKEN_FIELDS: &[&str] = &["next_token", "next_page_token", "nextToken"];
const TOKEN_PARAMS: &[&str] = &["PageToken", "Token", "NextToken", "NextPageToken"];
const PAGE_SIZE_PARAMS: &[&str] = &["PageSize", "Size", "Limit"];

impl Builder<'_> {
    /// The pagination of `op`, if its response is a page.
    pub fn pagination(&self, op: &Operation) -> Option<Pagination> {
        if op.http_method != HttpMethod::Get {
            return None;
        }
        let Outcome::Body(Some(TypeRef::Named(page))) = &op.outcome else {
            return None;
        };
        let page_struct = self.page_struct(*page)?;
        let lists: Vec<_> = page_struct
            .fields
            .iter()
            .filter(|f| matches!(self.resolve_draft_alias(&f.ty), TypeRef::Array(_)))
            .collect();
        let [items] = lists.as_slice() else {
            return None;
        };
        let TypeRef::Array(item_type) = self.resolve_draft_alias(&items.ty) else {
            return None;
        };
        let next = self.next_page(op, page_struct)?;
        let page_size = op
            .inputs
            .iter()
            .filter(|i| i.location == InputLocation::Query && i.kind == ValueKind::Plain)
            .find(|i| {
                PAGE_SIZE_PARAMS
                    .iter()
                    .any(|p| p.eq_ignore_ascii_case(&i.name))
            })
            .and_then(|i| {
                let TypeRef::Integer(kind) = i.ty else {
                    return None;
                };
                let max = i.checks.iter().find_map(|c| match c {
                    super::Check::Range { max, .. } => *max,
                    _ => None,
                });
                Some(PageSize {
                    rust_name: i.rust_name.clone(),
                    kind,
                    max,
                })
            });
        Some(Pagination {
            page_type: *page,
            items_field: field_ref(items),
            item_type: *item_type,
            next,
            page_size,
        })
    }

    fn next_page(&self, op: &Operation, page: &Struct) -> Option<NextPage> {
        let is_link = |ty: &TypeRef| matches!(ty, TypeRef::Url | TypeRef::String);
        // A next link at the top of the page.
        if let Some(field) = page
            .fields
            .iter()
            .find(|f| URL_FIELDS.contains(&f.name.json.as_str()) && is_link(&f.ty))
        {
            return Some(NextPage::Url {
                path: vec![field_ref(field)],
            });
        }
        let param = op.inputs.iter().find(|i| {
            i.location == InputLocation::Query
                && !i.repeated
                && TOKEN_PARAMS.iter().any(|p| p.eq_ignore_ascii_case(&i.name))
        });
        let token_of = |fields: &[super::Field]| {
            fields
                .iter()
                .find(|f| TOKEN_FIELDS.contains(&f.name.json.as_str()) && f.ty == TypeRef::String)
                .map(field_ref)
        };
        // A next token at the top of the page.
        if let (Some(token), Some(param)) = (token_of(&page.fields), param) {
            return Some(NextPage::Token {
                path: vec![token],
                param: param.name.clone(),
            });
        }
        // Or in a nested struct (`meta`, `paging`).
        for holder in &page.fields {
            let TypeRef::Named(id) = self.resolve_draft_alias(&holder.ty) else {
                continue;
            };
            let Some(inner) = self.page_struct(id) else {
                continue;
            };
            if let Some(field) = inner
                .fields
                .iter()
                .find(|f| URL_FIELDS.contains(&f.name.json.as_str()) && is_link(&f.ty))
            {
                return Some(NextPage::Url {
                    path: vec![field_ref(holder), field_ref(field)],
                });
            }
            if let (Some(token), Some(param)) = (token_of(&inner.fields), param) {
                return Some(NextPage::Token {
                    path: vec![field_ref(holder), token],
                    param: param.name.clone(),
                });
            }
        }
        None
    }

    fn page_struct(&self, id: TypeId) -> Option<&Struct> {
        match &self.drafts[id.0].kind {
            Some(TypeKind::Struct(s)) => Some(s),
            _ => None,
        }
    }
}

fn field_ref(field: &super::Field) -> FieldRef {
    FieldRef {
        name: field.name.clone(),
        optional: field.is_optional(),
        ty: field.ty.clone(),
    }
}
