//! The resolved link graph as GEXF 1.3 (Gephi): actors and stations as nodes, under their
//! canonical ids when analysts decided that several entities are one; operations, hostings,
//! memberships and other links as directed edges.

use std::collections::BTreeMap;
use std::io::Write;

use lookout_core::{EntityId, EntityView, Schema};
use lookout_store::Store;

use crate::walk::for_each_public_entity;
use crate::ExportError;

/// Escapes text for XML attributes and content.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A node: label, schema, country.
struct Node {
    label: String,
    schema: &'static str,
    country: String,
    merged: Vec<String>,
}

/// Writes the graph; returns the number of nodes and edges written.
pub async fn export_gexf<S: Store>(store: &S, mut out: impl Write) -> Result<u64, ExportError> {
    let resolution = crate::walk::public_resolution(store).await?;
    let mut nodes: BTreeMap<String, Node> = BTreeMap::new();
    let mut edges: Vec<(String, String, String)> = Vec::new();
    for_each_public_entity(store, |record| {
        let id = record.entity.id.clone();
        let view = EntityView::fold(record.entity, &record.statements);
        let v = |p: &str| view.values(p).into_iter().map(str::to_string).collect::<Vec<String>>();
        let canonical = |raw: &str| {
            EntityId::new(raw).map(|e| resolution.canonical(&e).to_string()).unwrap_or_else(|_| raw.to_string())
        };
        let ends = match view.schema() {
            Schema::Operation => Some((v("operator"), v("station"), "operates".to_string())),
            Schema::Hosting => Some((v("host"), v("station"), "hosts".to_string())),
            Schema::Membership => Some((v("member"), v("organization"), "member of".to_string())),
            Schema::Link => {
                Some((v("subject"), v("object"), v("role").first().cloned().unwrap_or_else(|| "linked to".into())))
            }
            _ => None,
        };
        if let Some((from, to, label)) = ends {
            for f in &from {
                for t in &to {
                    edges.push((canonical(f), canonical(t), label.clone()));
                }
            }
            return Ok(());
        }
        let label = match view.schema() {
            Schema::Station => format!(
                "Station: {} ({})",
                v("city").first().map_or("unknown city", String::as_str),
                v("country").first().map_or("", String::as_str)
            ),
            Schema::PublicBody | Schema::Organization | Schema::Person => match v("name").first() {
                Some(name) => name.clone(),
                None => return Ok(()),
            },
            _ => return Ok(()),
        };
        let key = resolution.canonical(&id).to_string();
        let is_canonical = key == id.as_str();
        let node = nodes.entry(key).or_insert_with(|| Node {
            label: label.clone(),
            schema: view.schema().as_str(),
            country: v("country").first().cloned().unwrap_or_default(),
            merged: Vec::new(),
        });
        if is_canonical {
            node.label = label;
            node.schema = view.schema().as_str();
        } else {
            node.merged.push(id.to_string());
        }
        Ok(())
    })
    .await?;
    edges.retain(|(f, t, _)| nodes.contains_key(f) && nodes.contains_key(t));
    edges.sort();
    edges.dedup();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(out, r#"<gexf xmlns="http://gexf.net/1.3" version="1.3">"#)?;
    writeln!(
        out,
        r#"  <meta><creator>Lookout</creator><description>Resolved link graph of the public record</description></meta>"#
    )?;
    writeln!(out, r#"  <graph defaultedgetype="directed" mode="static">"#)?;
    writeln!(out, r#"    <attributes class="node">"#)?;
    writeln!(out, r#"      <attribute id="schema" title="schema" type="string"/>"#)?;
    writeln!(out, r#"      <attribute id="country" title="country" type="string"/>"#)?;
    writeln!(out, r#"      <attribute id="merged" title="merged ids" type="string"/>"#)?;
    writeln!(out, r#"    </attributes>"#)?;
    writeln!(out, "    <nodes>")?;
    for (id, n) in &nodes {
        writeln!(
            out,
            r#"      <node id="{}" label="{}"><attvalues><attvalue for="schema" value="{}"/><attvalue for="country" value="{}"/><attvalue for="merged" value="{}"/></attvalues></node>"#,
            xml(id),
            xml(&n.label),
            n.schema,
            xml(&n.country),
            xml(&n.merged.join(" "))
        )?;
    }
    writeln!(out, "    </nodes>")?;
    writeln!(out, "    <edges>")?;
    for (i, (from, to, label)) in edges.iter().enumerate() {
        writeln!(out, r#"      <edge id="e{i}" source="{}" target="{}" label="{}"/>"#, xml(from), xml(to), xml(label))?;
    }
    writeln!(out, "    </edges>")?;
    writeln!(out, "  </graph>")?;
    writeln!(out, "</gexf>")?;
    out.flush()?;
    Ok((nodes.len() + edges.len()) as u64)
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup() {
        assert_eq!(super::xml("A & B <\"x\">"), "A &amp; B &lt;&quot;x&quot;&gt;");
    }
}
