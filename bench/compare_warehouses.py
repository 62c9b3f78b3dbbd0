"""Compare two warehouse files table by table (EXCEPT ALL both ways): `python bench/compare_warehouses.py A B`.

Used to prove a refactor left the built warehouse identical row for row."""
import duckdb, sys
con = duckdb.connect()
con.execute(f"ATTACH '{sys.argv[1]}' AS a (READ_ONLY)"); con.execute(f"ATTACH '{sys.argv[2]}' AS b (READ_ONLY)")
ta = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables WHERE table_catalog='a'").fetchall()}
tb = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables WHERE table_catalog='b'").fetchall()}
print("only a", ta-tb, "only b", tb-ta)
for t in sorted(ta & tb):
    if t == 'meta': continue
    n = con.execute(f'SELECT count(*) FROM a."{t}"').fetchone()[0]
    d1 = con.execute(f'SELECT count(*) FROM (SELECT * FROM a."{t}" EXCEPT ALL SELECT * FROM b."{t}")').fetchone()[0]
    d2 = con.execute(f'SELECT count(*) FROM (SELECT * FROM b."{t}" EXCEPT ALL SELECT * FROM a."{t}")').fetchone()[0]
    print(f"{t}: {n} rows, {d1} only in a, {d2} only in b")
