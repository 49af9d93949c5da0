//! What pages (and, later, the JSON API) show, computed from the store. No HTML here.

pub mod bureaus;
pub mod countries;
pub mod figures;
pub mod responses;
pub mod search;
pub mod sources;
pub mod stations;
