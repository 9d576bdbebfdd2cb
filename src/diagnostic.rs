//! Renders errors with the input line and a caret (to be written).

use crate::error::Error;

/// `error: message`, then the source line and a caret under the span.
pub fn render(source: &str, error: &Error) -> String {
    let _ = source;
    format!("error: {error}")
}
