//! What pages (and, later, the JSON API) show, computed from the store. No HTML here.

pub mod stations;
