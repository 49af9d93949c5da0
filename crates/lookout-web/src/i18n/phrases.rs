//! Sentences with numbers or names in them, in each language.

use std::borrow::Borrow;

use super::text::Text;

impl Text {
    /// "12 of 86 reported stations."
    pub fn stations_shown(&self, shown: impl Borrow<usize>, total: impl Borrow<usize>) -> String {
        let (shown, total) = (*shown.borrow(), *total.borrow());
        if self.zh {
            format!("共 {total} 个已报道的警务站，显示 {shown} 个。每个都链接到关于它的所有陈述及其来源。")
        } else {
            format!("{shown} of {total} reported stations. Each links to every statement about it, with its sources.")
        }
    }

    /// "3 of 58 responses: …"
    pub fn responses_shown(&self, shown: impl Borrow<usize>, total: impl Borrow<usize>) -> String {
        let (shown, total) = (*shown.borrow(), *total.borrow());
        if self.zh {
            format!("共 {total} 项回应，显示 {shown} 项：调查、关闭令、逮捕和起诉、议会答复、官方否认。")
        } else {
            format!("{shown} of {total} responses: investigations, closure orders, arrests and charges, parliamentary answers, official denials.")
        }
    }

    /// The map's caption: all `stations`, of which `placed` are in the `countries` named.
    pub fn map_caption(
        &self,
        stations: impl Borrow<usize>,
        placed: impl Borrow<usize>,
        countries: impl Borrow<usize>,
    ) -> String {
        let (stations, placed, countries) = (*stations.borrow(), *placed.borrow(), *countries.borrow());
        let unplaced = stations.saturating_sub(placed);
        match (self.zh, unplaced) {
            (true, 0) => format!("已报道的警务站共 {stations} 个，分布在 {countries} 个国家。颜色越深的国家警务站越多；圆点标出城市。下面以列表列出相同的数据。"),
            (true, n) => format!("已报道的警务站共 {stations} 个：{placed} 个分布在 {countries} 个国家，另有 {n} 个所在国家不详。颜色越深的国家警务站越多；圆点标出城市。下面以列表列出相同的数据。"),
            (false, 0) => format!("{stations} reported stations in {countries} countries. Darker countries have more; dots mark cities. The same data as a list follows."),
            (false, n) => format!("{stations} reported stations: {placed} in {countries} countries, {n} in countries no source names. Darker countries have more; dots mark cities. The same data as a list follows."),
        }
    }

    /// "Reported stations (11)".
    pub fn reported_stations(&self, n: impl Borrow<usize>) -> String {
        let n = *n.borrow();
        if self.zh {
            format!("已报道的警务站（{n} 个）")
        } else {
            format!("Reported stations ({n})")
        }
    }

    /// "Stations it is reported to operate (5)".
    pub fn operated_stations(&self, n: impl Borrow<usize>) -> String {
        let n = *n.borrow();
        if self.zh {
            format!("据报道由其设立的警务站（{n} 个）")
        } else {
            format!("Stations it is reported to operate ({n})")
        }
    }

    /// A country's label on the map.
    pub fn map_country_label(&self, name: &str, n: usize) -> String {
        if self.zh {
            format!("{name}：已报道 {n} 个警务站")
        } else {
            format!("{name}: {n} reported station{}", if n == 1 { "" } else { "s" })
        }
    }

    /// "12 results for …".
    pub fn results_for(&self, n: impl Borrow<usize>, q: &str) -> String {
        let n = *n.borrow();
        if self.zh {
            format!("“{q}”共有 {n} 个结果")
        } else {
            format!("{n} result{} for “{q}”", if n == 1 { "" } else { "s" })
        }
    }
}
