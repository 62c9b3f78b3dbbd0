"""The "four chains" gap and measure tables on the real documents 000, 003 and 004.

Expected chains and industries below were decided by reading the clauses in the documents, not from program output.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from lib.warehouse.chains import build_chain_tables
from lib.errors import BuildError
from lib.paths import CATALOG_DIR, SEEDS_DIR

# Vocabularies of the warehouse contract (/work/shared/DESIGN.md).
CHAINS = {"innovation", "industrial", "capital", "talent", "cross-chain"}
INDUSTRIES = {"new-generation IT", "biotech", "high-end equipment", "new materials", "new energy",
              "energy-saving & environmental", "NEV & intelligent vehicles", "emerging services",
              "all strategic emerging industries"}
SUMMARIES = CATALOG_DIR / "chain_summaries.yaml"


@pytest.fixture(scope="module")
def tables():
    return build_chain_tables()


@pytest.fixture(scope="module")
def gaps(tables):
    return tables[0]


@pytest.fixture(scope="module")
def measures(tables):
    return tables[1]


def document_lines(file_name: str) -> list[str]:
    return (SEEDS_DIR / file_name).read_text(encoding="utf-8").split("\n")


def rows_of(table, file_prefix: str, quote_start: str):
    """The rows of the one clause starting with quote_start: its main row first, then one per further gap."""
    rows = table[table.file_name.str.startswith(file_prefix) & table.quote.str.startswith(quote_start)]
    assert rows.quote.nunique() == 1, f"expected one clause starting {quote_start!r} in {file_prefix}, found {rows.quote.nunique()}"
    return rows


def one(table, file_prefix: str, quote_start: str):
    return rows_of(table, file_prefix, quote_start).iloc[0]


@pytest.mark.parametrize("which", ["gaps", "measures"])
def test_every_quote_is_in_its_document_at_its_lines(which, tables):
    table = tables[0] if which == "gaps" else tables[1]
    assert len(table) > 0
    for row in table.itertuples():
        lines = document_lines(row.file_name)
        # Figure captions set inside a sentence are skipped (test_a_caption_set_inside_a_sentence_is_skipped...).
        joined = "".join(line.strip() for line in lines[row.line_no - 1:row.line_end]
                         if not re.match(r"^(?:图\s*\d+\s|注\s*[:：])", line.strip()))
        assert row.quote in joined, (row.file_name, row.line_no, row.quote)
        # The clause starts on line_no and ends on line_end, not merely somewhere inside them.
        assert lines[row.line_no - 1].strip() and row.quote[-1] in lines[row.line_end - 1]


def test_chains_industries_and_ids_are_valid(gaps, measures):
    assert set(gaps.chain) <= CHAINS and set(measures.chain) <= CHAINS
    assert set(gaps.industry) <= INDUSTRIES and set(measures.industry) <= INDUSTRIES
    for chains in measures.chains:
        assert chains and set(chains.split(",")) <= CHAINS - {"cross-chain"}
    assert measures.measure_id.is_unique and gaps.gap_id.is_unique
    ids = list(gaps.gap_id) + list(measures.measure_id)
    assert len(ids) == len(set(ids))
    for table in (gaps, measures):
        assert table.summary_en.str.strip().ne("").all() and table.summary_zh.str.strip().ne("").all()
        assert table.rule.str.len().gt(0).all()


def test_all_three_documents_contribute_gaps_and_measures(gaps, measures):
    for table in (gaps, measures):
        assert {name[:3] for name in table.file_name} == {"000", "003", "004"}


# The four problem subsections of 004 四(二), by the start of their (wrapped) headings, and the chain each is about.
PROBLEM_SUBSECTIONS_004 = {
    "1. 创新链存在短板，产业核心基础能力较弱，产业链韧性和安全水平亟待提高": "innovation",
    "2. 创新链与产业链缺乏融合，产业链协同不足，产业链中高端自主可控能力较弱": "cross-chain",
    "3. 资本市场未有效支撑创新链与产业链，产业化关键环节投资不够，不能满足企业多元化融资需求": "capital",
    "4. 人才培养体系与创新链、产业链需求衔接不够，高端专业人才培育不足": "talent",
}


@pytest.mark.parametrize("heading,chain", PROBLEM_SUBSECTIONS_004.items())
def test_each_004_problem_subsection_is_mostly_about_its_heading_chain(gaps, heading, chain):
    # The full heading text also shows that headings wrapped over two or three PDF lines were joined.
    section = gaps[gaps.file_name.str.startswith("004") & (gaps.section == heading)]
    section = section.drop_duplicates(["line_no", "quote"])  # each clause's main row, not its further gaps
    assert len(section) >= 3
    assert section.chain.value_counts().idxmax() == chain, section[["line_no", "chain"]]


@pytest.mark.parametrize("doc,start,chain,industry", [
    # The capital market fails to connect the innovation and industrial chains: a link between chains.
    ("004", "新一代信息技术产业资本市场未能很好地连接创新链与产业链", "cross-chain", "new-generation IT"),
    ("000", "资本市场未能很好地连接创新链与产业链", "cross-chain", "new-generation IT"),
    ("004", "四是人才培养滞后、高端人才缺乏", "cross-chain", "all strategic emerging industries"),
    ("004", "工业母机创新链和产业链发展融合不够", "cross-chain", "all strategic emerging industries"),
    ("004", "生物产业创新链存在短板", "innovation", "biotech"),
    ("004", "医疗装备领域基础研究和产业技术创新能力不足", "innovation", "high-end equipment"),
    ("004", "海洋装备行业金融服务存在", "capital", "high-end equipment"),
    ("004", "资金链仍不能满足我国航空装备多元化融资需求", "capital", "high-end equipment"),
    ("004", "新材料产业缺乏体系化、规模化的专业人才队伍", "talent", "new materials"),
    ("004", "VR/AR领域对于技术、应用和管理人才的需求快速增长", "talent", "emerging services"),
    ("004", "从产业集群的布局来看", "industrial", "all strategic emerging industries"),
    ("000", "复合型人才较为短缺", "talent", "new-generation IT"),
    ("003", "三是培养高端人才机制尚未建立", "talent", "new-generation IT"),
])
def test_known_gaps_are_classified_right(gaps, doc, start, chain, industry):
    row = one(gaps, doc, start)
    assert (row.chain, row.industry) == (chain, industry), row.rule


@pytest.mark.parametrize("doc,start,chain,chains,industry", [
    ("004", "强化资本市场枢纽平台功能", "capital", {"capital"}, "all strategic emerging industries"),
    ("004", "破除体制机制障碍，人才链和资金链紧跟市场需求", "cross-chain", {"talent", "capital"},
     "NEV & intelligent vehicles"),
    ("004", "一是以龙头企业带动“四链”深度融合", "cross-chain", {"innovation", "industrial", "capital", "talent"},
     "all strategic emerging industries"),
    ("004", "聚焦科技创新、产业发展需求", "cross-chain", {"innovation", "industrial"},
     "all strategic emerging industries"),
    ("000", "构建人才“旋转门”机制", "talent", {"talent"}, "new-generation IT"),
    ("003", "推出具有国际竞争力的人才交流政策", "talent", {"talent"}, "new-generation IT"),
])
def test_known_measures_are_classified_right(measures, doc, start, chain, chains, industry):
    row = one(measures, doc, start)
    assert (row.chain, row.industry) == (chain, industry), row.rule
    assert chains <= set(row.chains.split(","))


@pytest.mark.parametrize("doc,start", [
    ("004", "从启动战略性新兴产业集群工程以来"),  # a statement of progress in the challenges section
    ("003", "2017年,中国与美国的领军企业市值差距尚不显著"),  # the gap was not yet significant
    ("003", "可以借鉴新能源汽车等行业的成功经验"),
    ("003", "因此，亟需攻关海量数据存储"),  # the remedy drawn from the gap stated before it
    ("003", "因此亟需从政策和技术两方面加强研究"),
    # status sections: achievements, where 问题 is what policy governs and 不足5% a quantity
    ("000", "此后，工业和信息化部、科学技术部"),
    ("003", "我国的数字产业化企业集中度自2018年起快速上升"),
    ("000", "我国人工智能产业蓬勃发展"),
])
def test_statements_that_are_not_gaps_are_left_out(gaps, doc, start):
    assert not (gaps.file_name.str.startswith(doc) & gaps.quote.str.startswith(start)).any()


def test_key_directions_count_only_when_they_name_a_chain(measures):
    directions = measures[measures.section.isin(["1. 新一代信息技术产业", "2. 生物产业", "3. 高端装备", "8. 新兴服务业"])]
    assert not directions.quote.str.startswith("重点突破以高端通用芯片为主的核心元器件").any()
    assert directions.quote.str.startswith("精准布局高端医疗装备创新链").any()


def test_sections_stop_at_the_end_of_the_body(measures):
    lines = document_lines("003_90f338935dca3c3f.txt")
    end_of_body = next(i for i, line in enumerate(lines, 1) if line.strip() == "利益冲突声明")
    assert measures[measures.file_name.str.startswith("003")].line_end.max() < end_of_body


def test_a_caption_set_inside_a_sentence_is_skipped_not_quoted(gaps):
    # 003 sets 图7 (and its note) between "截至 2024 年 6 月,在信息技术行业的全球市值" and "排名中，中国公司无一进入前二十。"
    lines = document_lines("003_90f338935dca3c3f.txt")
    caption_line = next(i for i, line in enumerate(lines, 1) if line.startswith("图7 "))
    row = one(gaps, "003", "截至 2024 年 6 月")
    assert row.line_no < caption_line < row.line_end and row.quote.endswith("中国公司无一进入前二十。")
    assert "图7" not in row.quote and "CEIC" not in row.quote
    # A caption after a finished paragraph still ends it: no clause runs from before 图1 of 000 into its text.
    rows = gaps[gaps.file_name.str.startswith("003")]
    spanning = rows[(rows.line_no < caption_line) & (rows.line_end > caption_line)]
    assert len(spanning) == 1 and spanning.quote.iloc[0] == row.quote


@pytest.mark.parametrize("doc,start,chains,why", [
    # status sections are read: a shortfall in the AI sub-section of 000 and the chips paragraph of 003
    ("000", "部分领域与世界领先水平仍有一些差距", ["innovation"], "gap word 差距 (status section)"),
    ("003", "但整体与国外仍有差距", ["industrial"], "gap word 差距 (status section)"),
    # gaps stated by comparison, without a gap word
    ("003", "图5是2014年以来各国独角兽企业", ["industrial"], "comparison: China compared with 美国 (保持高位)"),
    ("000", "通过对全球人工智能领域的高水平论文", ["innovation"], "comparison: China's 引用率 31.88 below 美国's 44.99"),
    # money for research is capital; a clause with a gap on a second chain gets a second row
    ("000", "国家中长期规划中的系统性研发投入有待加强", ["capital"], "gap word 有待"),
    ("003", "基础科学研究方面的投入更显不足", ["talent", "capital"], "gap word 不足"),
    ("004", "四是人才培养滞后、高端人才缺乏", ["cross-chain", "talent", "industrial"], "gap word 滞后"),
    # technology failing to reach industry is the link between the innovation and industrial chains
    ("003", "AI技术与具体行业业务流程的深度融合存在障碍", ["cross-chain"], "gap word 障碍"),
    ("003", "二是行业应用落地难度大", ["cross-chain"], "gap word 难"),
])
def test_gaps_of_the_new_rules(gaps, doc, start, chains, why):
    rows = rows_of(gaps, doc, start)
    assert list(rows.chain) == chains, list(rows.rule)
    assert rows.rule.iloc[0].startswith(why)


def broken_copy(tmp_path: Path, old: str, new: str) -> Path:
    text = SUMMARIES.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path = tmp_path / "chain_summaries.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def test_a_broken_summary_key_names_the_entry_and_the_clause(tmp_path):
    path = broken_copy(tmp_path, "  start: 生物产业创新链存在短板、\n", "  start: 生物产业链存在短板、\n")
    with pytest.raises(BuildError) as caught:
        build_chain_tables(summaries_path=path)
    message = str(caught.value)
    # The stale entry, with the YAML line it is on, and the clause left without a summary.
    stale_line = path.read_text(encoding="utf-8").split("\n").index("  start: 生物产业链存在短板、")
    assert f"line {stale_line}" in message and "'生物产业链存在短板、' matches no gap or measure" in message
    assert "no summary for gap 004-L0692" in message and "start: 生物产业创新链存在短板、" in message
    assert len(caught.value.problems) == 2


def test_an_empty_summary_is_refused(tmp_path):
    text = SUMMARIES.read_text(encoding="utf-8")
    start = text.index("  start: 复合型人才较为短缺。")
    en_line = text[start:].split("\n")[1]
    path = broken_copy(tmp_path, en_line + "\n", "  en: ''\n")
    with pytest.raises(BuildError, match="entry lacks en"):
        build_chain_tables(summaries_path=path)


def test_a_changed_heading_stops_the_build(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, seeds)
    doc = seeds / "004_ca950087f10e2d76.txt"
    doc.write_text(doc.read_text(encoding="utf-8").replace("六、对策建议", "六、建议"), encoding="utf-8")
    with pytest.raises(BuildError, match="004_ca950087f10e2d76.txt: expected one heading containing '六、对策建议'"):
        build_chain_tables(seeds_dir=seeds)
