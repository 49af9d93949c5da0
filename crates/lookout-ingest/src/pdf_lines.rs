//! A PDF page's text as the lines a reader sees, each with where it stands: the runs of text the
//! page's content draws at one height are one line (a browser draws a Chinese line with a Latin
//! word in it as three runs, in two fonts), and each line keeps its height on the page, so the
//! layout can tell a wrapped line (one line's step below the last) from a new paragraph (more).

use std::collections::BTreeMap;

use lopdf::content::Content;
use lopdf::{Document, Encoding, Object, ObjectId};

/// One line of a page: its text and, when the page's content placed it, how far down the page
/// it stands (in the page's units, growing downwards) and its type size.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Line {
    /// The line's text, its runs joined as drawn.
    pub text: String,
    /// How far down the page the line stands, and its type size; `None` when not known.
    pub place: Option<(f32, f32)>,
}

impl Line {
    /// A line whose place on the page is not known.
    pub fn unplaced(text: &str) -> Line {
        Line { text: text.to_string(), place: None }
    }
}

/// A 2-D affine matrix, as PDF writes one: `[a b c d e f]`.
#[derive(Clone, Copy)]
struct Matrix([f32; 6]);

impl Matrix {
    const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    fn of(operands: &[Object]) -> Option<Matrix> {
        let v: Vec<f32> = operands.iter().filter_map(|o| o.as_float().ok()).collect();
        (v.len() == 6 && v.iter().all(|x| x.is_finite())).then(|| Matrix([v[0], v[1], v[2], v[3], v[4], v[5]]))
    }

    fn translation(x: f32, y: f32) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }

    /// `self` applied first, then `then`.
    fn then(self, then: Matrix) -> Matrix {
        let ([a, b, c, d, e, f], [a2, b2, c2, d2, e2, f2]) = (self.0, then.0);
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }
}

/// The state a page's content keeps while it draws text.
struct Drawing<'a> {
    ctm: Matrix,
    saved: Vec<Matrix>,
    line_matrix: Matrix,
    leading: f32,
    size: f32,
    encoding: Option<&'a Encoding<'a>>,
    lines: Vec<Line>,
}

impl Drawing<'_> {
    fn next_line(&mut self, x: f32, y: f32) {
        self.line_matrix = Matrix::translation(x, y).then(self.line_matrix);
    }

    /// Adds text drawn at the current position to its line (a new one if it stands elsewhere).
    fn draw(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        let at = self.line_matrix.then(self.ctm).0;
        let down = -at[5];
        let size = self.size * (at[2] * at[2] + at[3] * at[3]).sqrt();
        let size = if size.is_finite() && size > 0.0 { size } else { 1.0 };
        match self.lines.last_mut() {
            Some(Line { text: last, place: Some((d, s)) }) if (*d - down).abs() < 0.3 * s.max(size) => {
                last.push_str(text)
            }
            _ => self.lines.push(Line { text: text.to_string(), place: Some((down, size)) }),
        }
    }

    /// The text of a `Tj`/`TJ` operand: its strings decoded, a wide gap in a `TJ` array a space
    /// (one array deep: a crafted file's nested arrays are not followed).
    fn text_of(&self, operands: &[Object], out: &mut String) {
        let Some(encoding) = self.encoding else { return };
        let piece = |item: &Object, out: &mut String| match item {
            Object::String(bytes, _) => out.push_str(&Document::decode_text(encoding, bytes).unwrap_or_default()),
            Object::Integer(_) | Object::Real(_) if item.as_float().is_ok_and(|gap| gap < -100.0) => out.push(' '),
            _ => {}
        };
        for operand in operands {
            match operand {
                Object::Array(items) => items.iter().for_each(|item| piece(item, out)),
                other => piece(other, out),
            }
        }
    }
}

/// The lines of the page `page`, in the order its content draws them.
pub(crate) fn page_lines(doc: &Document, page: ObjectId) -> Result<Vec<Line>, lopdf::Error> {
    let encodings: BTreeMap<Vec<u8>, Encoding> = doc
        .get_page_fonts(page)?
        .into_iter()
        .filter_map(|(name, font)| font.get_font_encoding(doc).ok().map(|e| (name, e)))
        .collect();
    let content = Content::decode(&doc.get_page_content(page)?)?;
    let mut state = Drawing {
        ctm: Matrix::IDENTITY,
        saved: Vec::new(),
        line_matrix: Matrix::IDENTITY,
        leading: 0.0,
        size: 0.0,
        encoding: None,
        lines: Vec::new(),
    };
    let float = |operands: &[Object], i: usize| operands.get(i).and_then(|o| o.as_float().ok()).unwrap_or(0.0);
    for op in &content.operations {
        let operands = &op.operands;
        match op.operator.as_str() {
            "q" => state.saved.push(state.ctm),
            "Q" => state.ctm = state.saved.pop().unwrap_or(Matrix::IDENTITY),
            "cm" => {
                if let Some(m) = Matrix::of(operands) {
                    state.ctm = m.then(state.ctm);
                }
            }
            "BT" => state.line_matrix = Matrix::IDENTITY,
            "Tm" => state.line_matrix = Matrix::of(operands).unwrap_or(Matrix::IDENTITY),
            "Td" => state.next_line(float(operands, 0), float(operands, 1)),
            "TD" => {
                state.leading = -float(operands, 1);
                state.next_line(float(operands, 0), float(operands, 1));
            }
            "TL" => state.leading = float(operands, 0),
            "T*" => state.next_line(0.0, -state.leading),
            "Tf" => {
                state.encoding = operands.first().and_then(|o| o.as_name().ok()).and_then(|n| encodings.get(n));
                state.size = float(operands, 1);
            }
            "Tj" | "TJ" | "'" | "\"" => {
                if op.operator != "Tj" && op.operator != "TJ" {
                    state.next_line(0.0, -state.leading);
                }
                let shown = if op.operator == "\"" { &operands[operands.len().min(2)..] } else { &operands[..] };
                let mut text = String::new();
                state.text_of(shown, &mut text);
                state.draw(&text);
            }
            _ => {}
        }
    }
    Ok(state.lines)
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::content::Operation;
    use lopdf::{dictionary, Stream};

    /// A one-page PDF whose content is `operations`, with Helvetica as `F1`.
    fn page(operations: Vec<Operation>) -> (Document, ObjectId) {
        let mut doc = Document::with_version("1.5");
        let pages_id = doc.new_object_id();
        let font = doc.add_object(dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" });
        let resources = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font } });
        let content = doc.add_object(Stream::new(dictionary! {}, Content { operations }.encode().unwrap()));
        let page = doc.add_object(dictionary! { "Type" => "Page", "Parent" => pages_id, "Contents" => content });
        doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! {
                "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1, "Resources" => resources,
                "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            }),
        );
        (doc, page)
    }

    /// Text drawn at (x, y) in its own text object, as a browser draws each run.
    fn run(x: i64, y: i64, text: &str) -> Vec<Operation> {
        vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 10.into()]),
            Operation::new("Td", vec![x.into(), y.into()]),
            Operation::new("Tj", vec![Object::string_literal(text)]),
            Operation::new("ET", vec![]),
        ]
    }

    #[test]
    fn runs_at_one_height_are_one_line_and_each_line_keeps_its_place() {
        let mut ops =
            [run(50, 700, "The station in "), run(120, 700, "Manhattan was run by the Fuzhou bureau, U.S.")].concat();
        ops.extend(run(50, 688, "prosecutors said in a complaint."));
        ops.extend(run(50, 676, "It was closed."));
        ops.extend(run(50, 652, "CGTN"));
        // Under a transform (a browser's scale and flip), as lines drawn with TL and T*.
        ops.extend([
            Operation::new("cm", vec![1.into(), 0.into(), 0.into(), (-1).into(), 0.into(), 842.into()]),
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 10.into()]),
            Operation::new("Tm", vec![1.into(), 0.into(), 0.into(), (-1).into(), 50.into(), 214.into()]),
            Operation::new("TL", vec![12.into()]),
            Operation::new("Tj", vec![Object::string_literal("Chinese Foreign Ministry spokesperson Mao Ning")]),
            Operation::new("T*", vec![]),
            Operation::new(
                "TJ",
                vec![vec![Object::string_literal("told"), (-300).into(), Object::string_literal("reporters.")].into()],
            ),
            // A crafted array inside the array is not followed.
            Operation::new("TJ", vec![vec![Object::Array(vec![Object::string_literal("nested")])].into()]),
            Operation::new("ET", vec![]),
        ]);
        let (doc, id) = page(ops);
        let lines = page_lines(&doc, id).unwrap();
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "The station in Manhattan was run by the Fuzhou bureau, U.S.",
                "prosecutors said in a complaint.",
                "It was closed.",
                "CGTN",
                "Chinese Foreign Ministry spokesperson Mao Ning",
                "told reporters."
            ]
        );
        let downs: Vec<f32> = lines.iter().map(|l| l.place.unwrap().0).collect();
        assert_eq!(downs, [-700.0, -688.0, -676.0, -652.0, -628.0, -616.0]);
        // The layout reads the steps: a full line wrapped (even after "U.S."), a short one ended,
        // and "CGTN" stands apart from the lines on either side.
        assert_eq!(
            crate::pdf_layout::readable(&[lines]),
            "The station in Manhattan was run by the Fuzhou bureau, U.S. prosecutors said in a complaint.\n\
             It was closed.\n\nCGTN\n\nChinese Foreign Ministry spokesperson Mao Ning told reporters.\n"
        );
    }
}
