//! What the preview server answers, as an axum [`Router`]: the live-reload stream, the
//! build status and the script under `/__planbook/`, and the built site's files for every
//! other path (GET and HEAD only). A path is checked by [`paths::locate`] first, which
//! refuses traversal with 403; HTML pages are read and get the live-reload script; other
//! files are sent by tower-http's `ServeFile` (ranges, conditional requests) with our
//! content types. Every answer says `Cache-Control: no-cache` and `nosniff`; a handler
//! that panics answers 500 and the server goes on.

use super::state::Shared;
use super::{events, inject, mime, pages, paths};
use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use std::any::Any;
use std::path::Path;
use std::sync::Arc;
use tower::ServiceExt;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::services::ServeFile;
use tower_http::set_header::SetResponseHeaderLayer;

/// The longest request target served; longer ones get 414 (the whole request head is
/// capped separately, with 431).
pub const MAX_TARGET_BYTES: usize = 4096;

/// The server's routes over `shared`.
pub fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/__planbook/events", get(event_stream))
        .route("/__planbook/status", get(status))
        .route(inject::SCRIPT_PATH, get(script))
        .fallback(site_file)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(shared)
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-cache"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(CatchPanicLayer::custom(internal_error))
}

async fn event_stream(State(shared): State<Arc<Shared>>) -> Response {
    events::stream(&shared).into_response()
}

async fn status(State(shared): State<Arc<Shared>>) -> Response {
    (
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        shared.status().to_json(),
    )
        .into_response()
}

async fn script() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        inject::SCRIPT,
    )
        .into_response()
}

async fn method_not_allowed() -> Response {
    let mut response = page(StatusCode::METHOD_NOT_ALLOWED, pages::method_not_allowed());
    response
        .headers_mut()
        .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
    response
}

fn internal_error(_panic: Box<dyn Any + Send + 'static>) -> Response {
    eprintln!(
        "{}: {}",
        crate::tr!("diag-warning"),
        crate::tr!("serve-request-failed")
    );
    page(StatusCode::INTERNAL_SERVER_ERROR, pages::internal_error())
}

fn page(status: StatusCode, body: Vec<u8>) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response()
}

/// A file of the built site, for any path not under `/__planbook/`.
async fn site_file(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    if !matches!(*request.method(), Method::GET | Method::HEAD) {
        return method_not_allowed().await;
    }
    let target = origin_form(request.uri());
    if target.len() > MAX_TARGET_BYTES {
        return page(StatusCode::URI_TOO_LONG, pages::too_long());
    }
    if request.uri().path().starts_with("/__planbook/") {
        return page(StatusCode::NOT_FOUND, pages::not_found());
    }
    match paths::locate(&shared.site_root, &target) {
        paths::Located::File(path) => file(&path, request).await,
        paths::Located::Redirect(location) => match HeaderValue::try_from(location) {
            Ok(location) => (
                StatusCode::MOVED_PERMANENTLY,
                [(header::LOCATION, location)],
            )
                .into_response(),
            Err(_) => page(StatusCode::FORBIDDEN, pages::forbidden()),
        },
        paths::Located::NotFound => page(StatusCode::NOT_FOUND, pages::not_found()),
        paths::Located::Forbidden => page(StatusCode::FORBIDDEN, pages::forbidden()),
    }
}

/// The path and query of a request target, also of one in absolute form
/// (`GET http://host/index.html`), which HTTP/1.1 servers must accept.
fn origin_form(uri: &Uri) -> String {
    uri.path_and_query()
        .map(|target| target.as_str().to_string())
        .unwrap_or_else(|| uri.path().to_string())
}

/// Sends a file found inside the site: an HTML page with the live-reload script, anything
/// else through `ServeFile`, with our content type.
async fn file(path: &Path, request: Request) -> Response {
    let content_type = mime::content_type(path);
    if mime::is_html(content_type) {
        return match tokio::fs::read(path).await {
            Ok(bytes) => (
                [(header::CONTENT_TYPE, content_type)],
                inject::inject(bytes),
            )
                .into_response(),
            // Swapped away by a rebuild between finding and reading it.
            Err(_) => page(StatusCode::NOT_FOUND, pages::not_found()),
        };
    }
    let Ok(mut response) = ServeFile::new(path).oneshot(request).await;
    if response.status() == StatusCode::NOT_FOUND {
        return page(StatusCode::NOT_FOUND, pages::not_found());
    }
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    response.map(Body::new)
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn answer(router: &Router, method: Method, target: &str) -> (StatusCode, Response) {
        let request = Request::builder()
            .method(method)
            .uri(target)
            .body(Body::empty())
            .expect("a request");
        let response = router.clone().oneshot(request).await.expect("infallible");
        (response.status(), response)
    }

    async fn body_text(response: Response) -> String {
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .expect("a body");
        String::from_utf8(bytes.to_vec()).expect("UTF-8")
    }

    fn site() -> (tempfile::TempDir, Router) {
        let dir = tempfile::tempdir().expect("a folder");
        let root = dir.path().join("site");
        std::fs::create_dir_all(root.join("2566")).expect("folders");
        std::fs::write(root.join("index.html"), "<body>home</body>").expect("write");
        std::fs::write(root.join("2566/index.html"), "<body>year</body>").expect("write");
        std::fs::write(root.join("site.css"), "p{}").expect("write");
        std::fs::write(dir.path().join("secret.txt"), "secret").expect("write");
        let router = router(Arc::new(Shared::new(root)));
        (dir, router)
    }

    #[tokio::test]
    async fn routes_answer_status_script_and_refusals() {
        let (_dir, router) = site();
        let (code, status) = answer(&router, Method::GET, "/__planbook/status?t=1").await;
        assert_eq!(code, StatusCode::OK);
        assert_eq!(body_text(status).await, r#"{"ok":true,"generation":0}"#);
        let (code, script) = answer(&router, Method::GET, inject::SCRIPT_PATH).await;
        assert_eq!(code, StatusCode::OK);
        assert_eq!(
            script.headers()[header::CONTENT_TYPE],
            "text/javascript; charset=utf-8"
        );
        assert_eq!(script.headers()[header::CACHE_CONTROL], "no-cache");
        assert_eq!(script.headers()[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        let (code, events) = answer(&router, Method::GET, "/__planbook/events").await;
        assert_eq!(code, StatusCode::OK);
        assert_eq!(events.headers()[header::CONTENT_TYPE], "text/event-stream");
        let (code, _) = answer(&router, Method::GET, "/__planbook/other").await;
        assert_eq!(code, StatusCode::NOT_FOUND);
        for target in ["/", "/__planbook/status"] {
            let (code, refused) = answer(&router, Method::POST, target).await;
            assert_eq!(code, StatusCode::METHOD_NOT_ALLOWED, "{target}");
            assert_eq!(refused.headers()[header::ALLOW], "GET, HEAD");
            assert!(body_text(refused).await.contains("(405)"));
        }
        let (code, _) = answer(&router, Method::GET, "/../secret.txt").await;
        assert_eq!(code, StatusCode::FORBIDDEN);
        let long = format!("/{}", "a".repeat(MAX_TARGET_BYTES));
        let (code, _) = answer(&router, Method::GET, &long).await;
        assert_eq!(code, StatusCode::URI_TOO_LONG);
    }

    #[tokio::test]
    async fn pages_get_the_script_files_their_type_folders_a_redirect() {
        let (_dir, router) = site();
        let (code, home) = answer(&router, Method::GET, "http://127.0.0.1:9/").await;
        assert_eq!(code, StatusCode::OK);
        let home = body_text(home).await;
        assert!(home.starts_with("<body>home<script src=\"/__planbook/reload.js\">"));
        let (code, css) = answer(&router, Method::GET, "/site.css").await;
        assert_eq!(code, StatusCode::OK);
        assert_eq!(
            css.headers()[header::CONTENT_TYPE],
            "text/css; charset=utf-8"
        );
        assert_eq!(body_text(css).await, "p{}");
        let (code, folder) = answer(&router, Method::GET, "/2566?x=1").await;
        assert_eq!(code, StatusCode::MOVED_PERMANENTLY);
        assert_eq!(folder.headers()[header::LOCATION], "/2566/?x=1");
        let (code, missing) = answer(&router, Method::GET, "/none.css").await;
        assert_eq!(code, StatusCode::NOT_FOUND);
        assert!(body_text(missing).await.contains("ไม่พบหน้านี้"));
    }
}
