"""Matches one entity against a yente-compatible server with nomenklatura's YenteEnricher (the
client OpenSanctions tooling uses) and expands each match, as an enrichment run does; prints what
came back as JSON: {"matches": [{"id", "schema", "caption"}], "expanded": {id: [{"id", "schema"}]}}.

    python scripts/yente_enrich.py http://127.0.0.1:8080 PublicBody 福州市公安局

Used by crates/lookout/tests/yente.rs. Needs nomenklatura (pip) and writes its cache into a
temporary SQLite file.
"""

import json
import os
import sys
import tempfile

os.environ.setdefault("NOMENKLATURA_DB_URL", "sqlite:///" + os.path.join(tempfile.mkdtemp(), "nk.db"))

from followthemoney import Dataset, StatementEntity  # noqa: E402
from nomenklatura.cache import Cache  # noqa: E402
from nomenklatura.db import make_session  # noqa: E402
from nomenklatura.enrich import make_enricher  # noqa: E402


def main() -> None:
    api, schema, name = sys.argv[1], sys.argv[2], sys.argv[3]
    config = {"name": "lookout_test", "title": "Lookout test", "type": "nomenklatura.enrich.yente:YenteEnricher",
              "api": api.rstrip("/") + "/", "dataset": "lookout", "cache_days": 0}
    dataset = Dataset.make({"name": config["name"], "title": config["title"]})
    with make_session() as session:
        cache = Cache(session, dataset, create=True)
        enricher = make_enricher(dataset, cache, dict(config))
        query = StatementEntity.from_data(dataset, {"id": "query", "schema": schema, "properties": {"name": [name]}})
        out = {"matches": [], "expanded": {}}
        for match in enricher.match(query):
            out["matches"].append({"id": match.id, "schema": match.schema.name, "caption": match.caption})
            out["expanded"][match.id] = [
                {"id": e.id, "schema": e.schema.name} for e in enricher.expand(query, match)
            ]
        print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
