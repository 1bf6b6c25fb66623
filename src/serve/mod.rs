//! `planbook serve`: a preview server over a private build of the site. This first part
//! holds what needs no server: safe request paths and content types.

pub mod mime;
pub mod paths;
