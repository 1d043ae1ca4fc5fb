<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Adjudication</name>
    <message>
        <location filename="../../desktop/ui/team/commands.py" line="32"/>
        <source>adjudicate {0}–{1}</source>
        <translation>裁定 {0}–{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/commands.py" line="74"/>
        <source>no tag at {0}–{1}</source>
        <translation>{0}–{1} 不标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/commands.py" line="104"/>
        <source>take {0} agreed tags</source>
        <translation>采用 {0} 个一致的标注</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="93"/>
        <source>Inter-coder agreement</source>
        <translation>编码者间一致性</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="94"/>
        <source>Pairs</source>
        <translation>两两比较</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="94"/>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="94"/>
        <source>Pairs by label</source>
        <translation>按标签两两比较</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="95"/>
        <source>Attributes</source>
        <translation>属性</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="97"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="98"/>
        <source>Review disagreements…</source>
        <translation>审阅分歧…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="135"/>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="162"/>
        <source>%n document(s) compared.</source>
        <translation>
            <numerusform>比较了 %n 篇文档。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="163"/>
        <source>Krippendorff&apos;s alpha (character units): %1</source>
        <translation>Krippendorff α（以字为单位）：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="166"/>
        <source>Unitizing alpha: %1</source>
        <translation>单元化 α：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="168"/>
        <source>Fleiss&apos; kappa: %1</source>
        <translation>Fleiss κ：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="173"/>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="174"/>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="209"/>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="210"/>
        <source>Annotator</source>
        <translation>标注人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="175"/>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="212"/>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="224"/>
        <source>Cohen&apos;s kappa</source>
        <translation>Cohen κ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="176"/>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="190"/>
        <source>Alpha</source>
        <translation>α</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="177"/>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="192"/>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="213"/>
        <source>F1 exact</source>
        <translation>F1（完全一致）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="178"/>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="193"/>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="214"/>
        <source>F1 overlap</source>
        <translation>F1（重叠）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="189"/>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="211"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="191"/>
        <source>Unitizing alpha</source>
        <translation>单元化 α</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="224"/>
        <source>Attribute</source>
        <translation>属性</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="224"/>
        <source>Agreement</source>
        <translation>一致率</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="225"/>
        <source>Matched tags</source>
        <translation>匹配的标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="238"/>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="247"/>
        <source>Export agreement</source>
        <translation>导出一致性</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="238"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="248"/>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="253"/>
        <source>Agreement saved to %1</source>
        <translation>一致性已保存到 %1</translation>
    </message>
</context>
<context>
    <name>AnnotatedImportReportDialog</name>
    <message>
        <location filename="../../desktop/ui/exchange/exporting.py" line="290"/>
        <source>Import report</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exporting.py" line="285"/>
        <source>Not imported: {0}</source>
        <translation>未导入：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exporting.py" line="298"/>
        <source>{0}: {1} new documents, {2} already in the project, {3} tags added, {4} already present.</source>
        <translation>{0}：新文档 {1} 篇，项目中已有 {2} 篇，新增标注 {3} 条，已存在 {4} 条。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exporting.py" line="310"/>
        <source>{0} sets imported: {1} new documents, {2} already in the project, {3} tags added, {4} already present.</source>
        <translation>已导入 {0} 个标注集：新文档 {1} 篇，项目中已有 {2} 篇，新增标注 {3} 条，已存在 {4} 条。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exporting.py" line="324"/>
        <source>Labels added to the scheme: {0}</source>
        <translation>已加入标签方案的标签：{0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/exchange/exporting.py" line="327"/>
        <source>%n memo(s) added</source>
        <translation>
            <numerusform>添加了 %n 条备忘</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/exchange/exporting.py" line="331"/>
        <source>%n tag(s) already present with another note or attributes: not changed</source>
        <translation>
            <numerusform>%n 个已有标注的批注或属性不同：未修改</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/exchange/exporting.py" line="339"/>
        <source>%n tag(s) already present given the set&apos;s note and attributes</source>
        <translation>
            <numerusform>%n 个已有标注已改用标注集中的批注和属性</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exporting.py" line="344"/>
        <source>Skipped: {0}</source>
        <translation>已跳过：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exporting.py" line="346"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exporting.py" line="293"/>
        <source>Refused records: {0}</source>
        <translation>未导入的记录：{0} 条</translation>
    </message>
</context>
<context>
    <name>AnnotationPanel</name>
    <message>
        <location filename="../../desktop/ui/tagging/annotation_panel.py" line="235"/>
        <location filename="../../desktop/ui/tagging/annotation_panel.py" line="236"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/annotation_panel.py" line="236"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
</context>
<context>
    <name>Batch</name>
    <message>
        <location filename="../../desktop/core/batch.py" line="59"/>
        <source>batch analysis needs Dask and pyarrow: pip install &apos;jiyao[cluster]&apos;</source>
        <translation>批量分析需要 Dask 和 pyarrow：pip install &apos;jiyao[cluster]&apos;</translation>
    </message>
    <message>
        <location filename="../../desktop/core/batch.py" line="434"/>
        <source>{0} cannot be read: {1}</source>
        <translation>无法读取 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/batch.py" line="438"/>
        <source>{0} is not the manifest of batch results this Jiyao reads</source>
        <translation>{0} 不是本版纪要可读取的批量分析结果清单</translation>
    </message>
    <message>
        <location filename="../../desktop/core/batch.py" line="460"/>
        <source>{0} holds an unfinished run: finish it with jiyao analyze --out {0} --resume</source>
        <translation>{0} 中的分析尚未完成：请用 jiyao analyze --out {0} --resume 完成它</translation>
    </message>
    <message>
        <location filename="../../desktop/core/batch.py" line="495"/>
        <source>cannot be read: {0}</source>
        <translation>无法读取：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/batch.py" line="596"/>
        <source>cannot be loaded: {0}</source>
        <translation>无法载入：{0}</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <location filename="../../desktop/ui/analysis/chart_view.py" line="119"/>
        <source>Bar chart</source>
        <translation>柱状图</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/chart_view.py" line="120"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/chart_view.py" line="121"/>
        <source>Heatmap</source>
        <translation>热力图</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/chart_view.py" line="122"/>
        <source>Network (rows → columns)</source>
        <translation>网络图（行 → 列）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/chart_view.py" line="40"/>
        <location filename="../../desktop/ui/analysis/chart_view.py" line="114"/>
        <source>Save chart…</source>
        <translation>保存图表…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/chart_view.py" line="45"/>
        <location filename="../../desktop/ui/analysis/chart_view.py" line="115"/>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/chart_view.py" line="85"/>
        <source>Charts need matplotlib: pip install &apos;jiyao[charts]&apos;</source>
        <translation>图表需要 matplotlib：pip install &apos;jiyao[charts]&apos;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/chart_view.py" line="87"/>
        <source>No font with Chinese characters is installed (e.g. fonts-noto-cjk).</source>
        <translation>未安装含中文字符的字体（例如 fonts-noto-cjk）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/chart_view.py" line="89"/>
        <source>Choose a Columns field for a heatmap or a network.</source>
        <translation>热力图和网络图需要选择“列”字段。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/chart_view.py" line="91"/>
        <source>A timeline&apos;s rows are year, quarter or month.</source>
        <translation>时间线的行须为年、季度或月。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/chart_view.py" line="97"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/chart_view.py" line="98"/>
        <source>total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/chart_view.py" line="105"/>
        <source>count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/chart_view.py" line="106"/>
        <source>{0} without a date, not shown</source>
        <translation>{0} 个没有日期，未显示</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/chart_view.py" line="140"/>
        <source>These dates cannot be put on a timeline.</source>
        <translation>这些日期无法放到时间线上。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/analysis/chart_view.py" line="147"/>
        <source>%n without a date, not shown</source>
        <translation>
            <numerusform>%n 条没有日期，未显示</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/chart_view.py" line="153"/>
        <location filename="../../desktop/ui/analysis/chart_view.py" line="168"/>
        <source>Save chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/chart_view.py" line="155"/>
        <source>Images (*.png *.svg *.pdf)</source>
        <translation>图像 (*.png *.svg *.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/chart_view.py" line="170"/>
        <source>Could not write {0}: save as .png, .svg or .pdf in a folder you may write to.</source>
        <translation>无法写入 {0}：请保存为 .png、.svg 或 .pdf，并选择可写入的文件夹。</translation>
    </message>
</context>
<context>
    <name>Codebook</name>
    <message>
        <location filename="../../desktop/ui/common/codebook_tips.py" line="19"/>
        <source>Use when</source>
        <translation>适用于</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/codebook_tips.py" line="20"/>
        <source>Not when</source>
        <translation>不适用于</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/codebook_tips.py" line="21"/>
        <source>Example</source>
        <translation>示例</translation>
    </message>
</context>
<context>
    <name>CodebookDocument</name>
    <message>
        <location filename="../../desktop/core/exports/codebook.py" line="49"/>
        <source>Codebook: {0}</source>
        <translation>编码本：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/codebook.py" line="73"/>
        <source>The project has no labels yet.</source>
        <translation>本项目还没有标签。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/codebook.py" line="83"/>
        <source>Key</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/codebook.py" line="84"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/codebook.py" line="85"/>
        <source>Definition</source>
        <translation>定义</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/codebook.py" line="86"/>
        <source>When to use</source>
        <translation>何时使用</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/codebook.py" line="87"/>
        <source>When not to use</source>
        <translation>何时不用</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/codebook.py" line="88"/>
        <source>Example</source>
        <translation>示例</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/codebook.py" line="92"/>
        <source>Tags</source>
        <translation>标注数</translation>
    </message>
</context>
<context>
    <name>CodebookExport</name>
    <message>
        <location filename="../../desktop/ui/memos/codebook_export.py" line="24"/>
        <source>REFI-QDA codebook (*.qdc)</source>
        <translation>REFI-QDA 编码本 (*.qdc)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/memos/codebook_export.py" line="25"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/memos/codebook_export.py" line="26"/>
        <source>Web page (*.html)</source>
        <translation>网页 (*.html)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/memos/codebook_export.py" line="27"/>
        <source>Word document (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/memos/codebook_export.py" line="32"/>
        <location filename="../../desktop/ui/memos/codebook_export.py" line="54"/>
        <location filename="../../desktop/ui/memos/codebook_export.py" line="62"/>
        <source>Export codebook</source>
        <translation>导出编码本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/memos/codebook_export.py" line="63"/>
        <source>Could not write {0}: {1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/memos/codebook_export.py" line="69"/>
        <source>Codebook of {0} labels written to {1}</source>
        <translation>已将含 {0} 个标签的编码本写入 {1}</translation>
    </message>
</context>
<context>
    <name>CodebookImport</name>
    <message>
        <location filename="../../desktop/ui/memos/codebook_import.py" line="29"/>
        <location filename="../../desktop/ui/memos/codebook_import.py" line="65"/>
        <source>Import codebook</source>
        <translation>导入编码本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/memos/codebook_import.py" line="31"/>
        <source>REFI-QDA codebook (*.qdc)</source>
        <translation>REFI-QDA 编码本 (*.qdc)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/memos/codebook_import.py" line="46"/>
        <source>Refused {0}</source>
        <translation>未导入 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/memos/codebook_import.py" line="51"/>
        <source>{0}: {1} labels added, {2} given a definition</source>
        <translation>{0}：新增标签 {1} 个，补上定义 {2} 个</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/memos/codebook_import.py" line="57"/>
        <source>Kept the project&apos;s own definitions of: {0} (the codebook&apos;s differ)</source>
        <translation>保留了项目自己的定义：{0}（编码本中的不同）</translation>
    </message>
</context>
<context>
    <name>CoderLegend</name>
    <message>
        <location filename="../../desktop/ui/reading/coder_layers.py" line="112"/>
        <source>Coders (a line under the text each):</source>
        <translation>编码员(各占文字下方一条线):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reading/coder_layers.py" line="113"/>
        <source>open disagreement</source>
        <translation>未决分歧</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reading/coder_layers.py" line="114"/>
        <source>under review</source>
        <translation>正在审查</translation>
    </message>
</context>
<context>
    <name>Conversion</name>
    <message>
        <location filename="../../desktop/core/analysis.py" line="45"/>
        <source>not converted: the text is already Simplified and {0} would corrupt it (石祖乾 -&gt; 石祖干)</source>
        <translation>未转换：文本已是简体，{0} 会把它弄错（石祖乾 -&gt; 石祖干）</translation>
    </message>
</context>
<context>
    <name>CooccurrenceView</name>
    <message>
        <location filename="../../desktop/ui/analysis/cooccurrence_view.py" line="75"/>
        <source>in the same document</source>
        <translation>在同一文档中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/cooccurrence_view.py" line="76"/>
        <source>within N characters</source>
        <translation>相距不超过 N 个字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/cooccurrence_view.py" line="77"/>
        <source>overlapping</source>
        <translation>相互重叠</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/cooccurrence_view.py" line="82"/>
        <source>documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/cooccurrence_view.py" line="83"/>
        <location filename="../../desktop/ui/analysis/cooccurrence_view.py" line="190"/>
        <source>pairs of tags</source>
        <translation>标注对</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/cooccurrence_view.py" line="97"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/cooccurrence_view.py" line="103"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/cooccurrence_view.py" line="105"/>
        <source>Count</source>
        <translation>计数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/cooccurrence_view.py" line="71"/>
        <location filename="../../desktop/ui/analysis/cooccurrence_view.py" line="107"/>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/cooccurrence_view.py" line="72"/>
        <location filename="../../desktop/ui/analysis/cooccurrence_view.py" line="256"/>
        <source>Entities</source>
        <translation>实体</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/cooccurrence_view.py" line="101"/>
        <source>occurring</source>
        <translation>共现于</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/cooccurrence_view.py" line="137"/>
        <source>whole path</source>
        <translation>完整路径</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/analysis/cooccurrence_view.py" line="139"/>
        <source>first %n level(s)</source>
        <translation>
            <numerusform>前 %n 级</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/cooccurrence_view.py" line="161"/>
        <source>Reading the tags…</source>
        <translation>正在读取标注…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/cooccurrence_view.py" line="190"/>
        <source>pairs of mentions</source>
        <translation>提及对</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/cooccurrence_view.py" line="211"/>
        <source>Counting…</source>
        <translation>正在计数…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/cooccurrence_view.py" line="221"/>
        <source>Not counted: {0}</source>
        <translation>未能计数：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/cooccurrence_view.py" line="257"/>
        <location filename="../../desktop/ui/analysis/cooccurrence_view.py" line="263"/>
        <source>Finding the entities of every document…</source>
        <translation>正在查找每篇文档的实体…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/analysis/cooccurrence_view.py" line="258"/>
        <source>%n document(s) read</source>
        <translation>
            <numerusform>已读取 %n 篇文档</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/analysis/cooccurrence_view.py" line="273"/>
        <source>The %n most widespread people, places, organisations and titles.</source>
        <translation>
            <numerusform>出现在最多文档中的 %n 个人物、地点、机构和职务。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/cooccurrence_view.py" line="276"/>
        <source>Stopped early: only the documents read so far count.</source>
        <translation>已提前停止：只统计了已读取的文档。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/cooccurrence_view.py" line="281"/>
        <source>Entities not read: {0}</source>
        <translation>未能读取实体：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/cooccurrence_view.py" line="345"/>
        <location filename="../../desktop/ui/analysis/cooccurrence_view.py" line="355"/>
        <source>Export co-occurrence</source>
        <translation>导出共现</translation>
    </message>
</context>
<context>
    <name>CorpusActions</name>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_actions.py" line="63"/>
        <source>delete %n document(s)</source>
        <translation>删除 %n 篇文档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_actions.py" line="99"/>
        <source>edit the details of &quot;{0}&quot;</source>
        <translation>编辑“{0}”的信息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_actions.py" line="135"/>
        <source>set &quot;{0}&quot; for %n document(s)</source>
        <translation>为 %n 篇文档设置“{0}”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_actions.py" line="316"/>
        <source>Delete &quot;{0}&quot; and its {1} from the project? Edit &gt; Undo brings it back.</source>
        <translation>从项目中删除“{0}”及其 {1}？“编辑 &gt; 撤销”可以恢复。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/corpus/corpus_actions.py" line="317"/>
        <location filename="../../desktop/ui/corpus/corpus_actions.py" line="321"/>
        <source>%n tag(s)</source>
        <translation>
            <numerusform>%n 个标注</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_actions.py" line="320"/>
        <source>Delete {0} documents and their {1} from the project? Edit &gt; Undo brings them back.</source>
        <translation>从项目中删除 {0} 篇文档及其 {1}？“编辑 &gt; 撤销”可以恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_actions.py" line="359"/>
        <source>Not changed: a document needs a title.</source>
        <translation>未修改：文档必须有标题。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_actions.py" line="385"/>
        <source>Not changed: a title is each document&apos;s own; edit it in its details.</source>
        <translation>未更改：标题是每篇文档各自的，请在文档信息中编辑。</translation>
    </message>
</context>
<context>
    <name>CorpusList</name>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_list.py" line="120"/>
        <source>Set a &amp;variable for the selected documents…</source>
        <translation>为所选文档设置变量(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_list.py" line="156"/>
        <source>Filter by title or text, either script</source>
        <translation>按标题或正文筛选（简繁皆可）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_list.py" line="157"/>
        <source>from 2020-01</source>
        <translation>从 2020-01</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_list.py" line="158"/>
        <source>to 2020-12-31</source>
        <translation>到 2020-12-31</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_list.py" line="159"/>
        <source>Dates from … to …: a year, a month or a day (2020, 2020-03, 2020-03-21)</source>
        <translation>日期从……到……：年、月或日（2020、2020-03、2020-03-21）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_list.py" line="162"/>
        <source>Show the documents of one source</source>
        <translation>只显示一个来源的文档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_list.py" line="163"/>
        <source>Any status</source>
        <translation>所有状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_list.py" line="163"/>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_list.py" line="163"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_list.py" line="165"/>
        <source>Show the documents whose review is done, or not</source>
        <translation>只显示审阅已完成或未完成的文档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_list.py" line="166"/>
        <source>Variable &amp;columns</source>
        <translation>变量列(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_list.py" line="168"/>
        <location filename="../../desktop/ui/corpus/corpus_list.py" line="252"/>
        <source>All sources</source>
        <translation>所有来源</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_list.py" line="169"/>
        <location filename="../../desktop/ui/corpus/corpus_list.py" line="255"/>
        <source>(no source)</source>
        <translation>（无来源）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_list.py" line="170"/>
        <source>&amp;Delete document…</source>
        <translation>删除文档(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_list.py" line="171"/>
        <source>&amp;Edit title, source and date…</source>
        <translation>编辑标题、来源和日期(&amp;E)…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/corpus/corpus_list.py" line="244"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n 篇文档</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_list.py" line="286"/>
        <source>(the documents have no other variables)</source>
        <translation>（文档没有其他变量）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/corpus/corpus_list.py" line="324"/>
        <source>Set a variable for all %n &amp;listed document(s)…</source>
        <translation>
            <numerusform>为列出的全部 %n 个文档设置变量(&amp;L)…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CorpusSearch</name>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="110"/>
        <source>Project journal</source>
        <translation>项目日志</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="111"/>
        <source>Document {0}</source>
        <translation>文档 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="112"/>
        <source>Label {0}</source>
        <translation>标签 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="113"/>
        <source>Tag {0}</source>
        <translation>标注 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="431"/>
        <source>Search the corpus</source>
        <translation>搜索语料库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="432"/>
        <source>复工 OR 复产, &quot;phrase&quot;, NOT, NEAR/10</source>
        <translation>复工 OR 复产、&quot;短语&quot;、NOT、NEAR/10</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="433"/>
        <source>Regular expression</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="459"/>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="378"/>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="459"/>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="467"/>
        <source>Memos</source>
        <translation>备忘</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="459"/>
        <source>Text and memos</source>
        <translation>正文和备忘</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="462"/>
        <source>Search the documents&apos; text, the memos, or both</source>
        <translation>搜索文档正文、备忘或两者</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="434"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="436"/>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="103"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="104"/>
        <source>Hits</source>
        <translation>命中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="370"/>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="464"/>
        <source>Memo</source>
        <translation>备忘</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="370"/>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="464"/>
        <source>Left</source>
        <translation>左语境</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="370"/>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="464"/>
        <source>Hit</source>
        <translation>命中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="370"/>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="464"/>
        <source>Right</source>
        <translation>右语境</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="377"/>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="466"/>
        <source>Per document</source>
        <translation>按文档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="437"/>
        <source>Counting per document… %p%</source>
        <translation>正在逐篇计数… %p%</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="440"/>
        <source>Exporting hits… %p%</source>
        <translation>正在导出命中… %p%</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="443"/>
        <source>Tag all hits</source>
        <translation>标注全部命中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="444"/>
        <source>Tag selected hits</source>
        <translation>标注选中的命中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="445"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="446"/>
        <source>Write every hit of the search to a CSV file</source>
        <translation>将本次搜索的全部命中写入 CSV 文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="448"/>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="449"/>
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="450"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="451"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="452"/>
        <source>With label</source>
        <translation>含标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="453"/>
        <source>Without label</source>
        <translation>不含标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="454"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="468"/>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="469"/>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="485"/>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="489"/>
        <source>(all)</source>
        <translation>（全部）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="473"/>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="495"/>
        <source>(any)</source>
        <translation>（不限）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="543"/>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="639"/>
        <source>Not sorted: {0}</source>
        <translation>未能排序：{0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="678"/>
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n 处命中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="679"/>
        <source>in %n document(s)</source>
        <translation>
            <numerusform>分布于 %n 篇文档</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="682"/>
        <source>%n memo hit(s)</source>
        <translation>
            <numerusform>%n 处备忘命中</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="684"/>
        <source>{0} (searching…)</source>
        <translation>{0}（正在搜索…）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="691"/>
        <source>showing the first {0:,} hits (counting them all…)</source>
        <translation>显示前 {0:,} 条命中（正在统计全部…）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="693"/>
        <source>showing the first {0:,} of {1:,} hits in {2:,} documents</source>
        <translation>显示 {2:,} 篇文档中 {1:,} 条命中的前 {0:,} 条</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="726"/>
        <source>Only the first {0:,} hits are listed: narrow the search to tag all its hits</source>
        <translation>只列出了前 {0:,} 条命中：请缩小搜索范围，再为全部命中添加标签</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="783"/>
        <source>%n tag(s) added</source>
        <translation>
            <numerusform>已添加 %n 个标注</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="787"/>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="865"/>
        <source>Export hits</source>
        <translation>导出命中</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="856"/>
        <source>%n hit(s) exported to {0}</source>
        <translation>
            <numerusform>已将 %n 处命中导出到 {0}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CsvFile</name>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="864"/>
        <location filename="../../desktop/ui/analysis/csv_file.py" line="21"/>
        <source>Could not write {0}: {1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/csv_file.py" line="31"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>DirectiveSuggestions</name>
    <message>
        <location filename="../../desktop/ui/tagging/directive_suggestions.py" line="101"/>
        <source>Suggested directive ({0}): Enter accepts, Delete rejects, Tab goes on</source>
        <translation>建议的指令（{0}）：回车接受，Delete 拒绝，Tab 下一条</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/directive_suggestions.py" line="147"/>
        <source>No suggestions left in this document</source>
        <translation>本文档没有剩余建议</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/directive_suggestions.py" line="153"/>
        <source>Suggestion {0} of {1}: {2}, {3}</source>
        <translation>建议 {0}/{1}：{2}，{3}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/directive_suggestions.py" line="156"/>
        <source>no issuer</source>
        <translation>无发出者</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/directive_suggestions.py" line="175"/>
        <source>Not tagged: the project has no labels (Edit &gt; Labels)</source>
        <translation>未标注：项目还没有标签（编辑 &gt; 标签）</translation>
    </message>
</context>
<context>
    <name>DisplayNames</name>
    <message>
        <location filename="../../desktop/ui/common/display_names.py" line="21"/>
        <source>Traditional to Simplified</source>
        <translation>繁体转简体</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/display_names.py" line="22"/>
        <source>Traditional (Taiwan) to Simplified</source>
        <translation>繁体（台湾）转简体</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/display_names.py" line="23"/>
        <source>Traditional (Taiwan) to Simplified, with Mainland vocabulary</source>
        <translation>繁体（台湾）转简体，并换用大陆词汇</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/display_names.py" line="26"/>
        <source>Traditional (Hong Kong) to Simplified</source>
        <translation>繁体（香港）转简体</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/display_names.py" line="27"/>
        <source>Simplified to Traditional (OpenCC standard)</source>
        <translation>简体转繁体（OpenCC 标准）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/display_names.py" line="28"/>
        <source>Simplified to Traditional (Taiwan)</source>
        <translation>简体转繁体（台湾）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/display_names.py" line="29"/>
        <source>Simplified to Traditional (Taiwan), with Taiwan vocabulary</source>
        <translation>简体转繁体（台湾），并换用台湾词汇</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/display_names.py" line="30"/>
        <source>Simplified to Traditional (Hong Kong)</source>
        <translation>简体转繁体（香港）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/display_names.py" line="31"/>
        <source>Traditional (OpenCC standard) to Taiwan standard</source>
        <translation>繁体（OpenCC 标准）转台湾标准</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/display_names.py" line="32"/>
        <source>Traditional (OpenCC standard) to Hong Kong standard</source>
        <translation>繁体（OpenCC 标准）转香港标准</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/display_names.py" line="33"/>
        <source>Issuer</source>
        <translation>发出者</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/display_names.py" line="34"/>
        <source>Addressee</source>
        <translation>接受者</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/display_names.py" line="35"/>
        <source>Strength</source>
        <translation>强度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/display_names.py" line="36"/>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/display_names.py" line="37"/>
        <source>mandatory</source>
        <translation>强制性</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/display_names.py" line="38"/>
        <source>directive</source>
        <translation>指令性</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/display_names.py" line="39"/>
        <source>advisory</source>
        <translation>倡导性</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/display_names.py" line="40"/>
        <source>none</source>
        <translation>不转换</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/display_names.py" line="50"/>
        <source>{0} ({1})</source>
        <translation>{0}（{1}）</translation>
    </message>
</context>
<context>
    <name>DocumentAnalysis</name>
    <message>
        <location filename="../../desktop/ui/reading/document_analysis.py" line="117"/>
        <source>Finding entities…</source>
        <translation>正在识别实体…</translation>
    </message>
</context>
<context>
    <name>DocumentDetailsDialog</name>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_actions.py" line="182"/>
        <source>Document details</source>
        <translation>文档信息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_actions.py" line="187"/>
        <source>e.g. 2020-02-10</source>
        <translation>例如 2020-02-10</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_actions.py" line="189"/>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_actions.py" line="190"/>
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_actions.py" line="191"/>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_actions.py" line="193"/>
        <source>Variable</source>
        <translation>变量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_actions.py" line="193"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_actions.py" line="198"/>
        <source>Add variable</source>
        <translation>添加变量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_actions.py" line="200"/>
        <source>Remove variable</source>
        <translation>删除变量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_actions.py" line="213"/>
        <source>Other variables:</source>
        <translation>其他变量：</translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <location filename="../../desktop/ui/common/names.py" line="11"/>
        <source>traditional</source>
        <translation>繁体</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/names.py" line="12"/>
        <source>simplified</source>
        <translation>简体</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/names.py" line="13"/>
        <source>mixed</source>
        <translation>简繁混排</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/names.py" line="14"/>
        <source>new</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/names.py" line="15"/>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/names.py" line="16"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/document_model.py" line="58"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/document_model.py" line="59"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/document_model.py" line="60"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/document_model.py" line="61"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/document_model.py" line="62"/>
        <source>Script</source>
        <translation>简繁</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/document_model.py" line="63"/>
        <source>Length</source>
        <translation>字数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/document_model.py" line="64"/>
        <source>Tags</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/document_model.py" line="65"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/document_model.py" line="222"/>
        <source>(not from a file)</source>
        <translation>（非文件导入）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/document_model.py" line="223"/>
        <source>Status: {0}</source>
        <translation>状态：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/document_model.py" line="235"/>
        <source>Coders: {0}</source>
        <translation>编码者：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/document_model.py" line="238"/>
        <source>Adjudicated ({0})</source>
        <translation>已裁定（{0}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/document_model.py" line="240"/>
        <source>Adjudication under way ({0})</source>
        <translation>裁定进行中（{0}）</translation>
    </message>
</context>
<context>
    <name>EntityLegend</name>
    <message>
        <location filename="../../desktop/ui/reading/entity_panel.py" line="59"/>
        <source>Show or hide this kind of entity</source>
        <translation>显示或隐藏此类实体</translation>
    </message>
</context>
<context>
    <name>EntityPanel</name>
    <message>
        <location filename="../../desktop/ui/reading/entity_panel.py" line="94"/>
        <source>Entity</source>
        <translation>实体</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reading/entity_panel.py" line="94"/>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reading/entity_panel.py" line="151"/>
        <source>Not an entity (remove {0})</source>
        <translation>不是实体（删除 {0} 处）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reading/entity_panel.py" line="153"/>
        <source>Change type to</source>
        <translation>改为类型</translation>
    </message>
</context>
<context>
    <name>Exchange</name>
    <message>
        <location filename="../../desktop/core/exports/brat_reader.py" line="94"/>
        <source>{0}: not a folder (a brat set is a folder of .ann files)</source>
        <translation>{0}：不是文件夹（brat 标注集是装有 .ann 文件的文件夹）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/brat_reader.py" line="101"/>
        <source>{0}: no .ann files (and no annotation.conf) in this folder</source>
        <translation>{0}：此文件夹中没有 .ann 文件（也没有 annotation.conf）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/brat_reader.py" line="153"/>
        <source>cannot be read as UTF-8 text ({0})</source>
        <translation>无法按 UTF-8 文本读取（{0}）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/brat_reader.py" line="205"/>
        <source>{0}: {1!r} is not an attribute definition; left out</source>
        <translation>{0}：{1!r} 不是属性定义；已略去</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/brat_reader.py" line="312"/>
        <source>no {0} beside it; skipped</source>
        <translation>旁边没有 {0}；已跳过</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/brat_reader.py" line="328"/>
        <source>{0} line {1}</source>
        <translation>{0} 第 {1} 行</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/brat_reader.py" line="511"/>
        <source>{0} is not a T line of this file</source>
        <translation>{0} 不是此文件中的 T 行</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/brat_reader.py" line="554"/>
        <source>{0} entity-layer spans (the entity layer is not imported as tags)</source>
        <translation>{0} 个实体层片段（实体层不作为标注导入）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/brat_reader.py" line="557"/>
        <source>{0} event trigger spans</source>
        <translation>{0} 个事件触发词片段</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/brat_reader.py" line="558"/>
        <source>{0} relation, event, normalisation and equivalence lines (R, E, N, *)</source>
        <translation>{0} 行关系、事件、规范化和等价标注（R、E、N、*）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/brat_reader.py" line="561"/>
        <source>{0} comments other than AnnotatorNotes</source>
        <translation>{0} 条 AnnotatorNotes 以外的注释</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/brat_reader.py" line="564"/>
        <source>{0} discontinuous spans with text between their fragments, imported as one tag per fragment (each noted as linked)</source>
        <translation>{0} 个不连续片段（片段之间夹有文字），每个片段导入为一个标注（均注明相互关联）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/brat_reader.py" line="569"/>
        <source>{0} notes on skipped lines (relations, events, entity layer)</source>
        <translation>{0} 条附在已跳过行（关系、事件、实体层）上的备注</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/brat_reader.py" line="572"/>
        <source>{0} attributes on skipped lines (relations, events, entity layer)</source>
        <translation>{0} 个附在已跳过行（关系、事件、实体层）上的属性</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/brat_reader.py" line="575"/>
        <source>{0} .txt files with no .ann beside them (not brat documents; import them as plain text)</source>
        <translation>{0} 个旁边没有 .ann 的 .txt 文件（不是 brat 文档；请作为纯文本导入）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/fields.py" line="57"/>
        <source>the field {0!r} is missing</source>
        <translation>缺少字段 {0!r}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/fields.py" line="60"/>
        <source>malformed ({0})</source>
        <translation>格式有误（{0}）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/fields.py" line="81"/>
        <source>{0} must be a list</source>
        <translation>{0} 必须是列表</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/fields.py" line="90"/>
        <source>{0} must be a JSON object</source>
        <translation>{0} 必须是 JSON 对象</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/fields.py" line="115"/>
        <source>{0} is a whole number, not {1}</source>
        <translation>{0} 应为整数，而不是 {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/fields.py" line="127"/>
        <source>{0} and {1} must be whole numbers, not {2!r} and {3!r}</source>
        <translation>{0} 和 {1} 必须是整数，而不是 {2!r} 和 {3!r}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/fields.py" line="138"/>
        <source>a label is a name, not {0}</source>
        <translation>标签应为名称，而不是 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/fields.py" line="151"/>
        <source>the label is empty</source>
        <translation>标签为空</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/fields.py" line="154"/>
        <source>the label path {0!r} has an empty part</source>
        <translation>标签路径 {0!r} 中有空的一级</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/fields.py" line="156"/>
        <source>the label path is nested more than {0} levels deep</source>
        <translation>标签路径嵌套超过 {0} 级</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/fields.py" line="234"/>
        <source>not a JSON object</source>
        <translation>不是 JSON 对象</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/fields.py" line="238"/>
        <source>needs an action (add or remove) and a type, not {0!r}, {1!r}</source>
        <translation>需要操作（add 或 remove）和类型，而不是 {0!r}、{1!r}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/formats.py" line="59"/>
        <source>{0} files cannot be imported</source>
        <translation>{0} 文件无法导入</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/formats.py" line="135"/>
        <source>{count} of the exported documents have overlapping tags: doccano&apos;s default project drops overlapping spans, so tick &quot;Allow overlapping entity&quot; when creating the doccano project before importing this file</source>
        <translation>导出的文档中有 {count} 篇含有重叠的标注：doccano 的默认项目会丢弃重叠的片段，因此导入此文件之前，创建 doccano 项目时请勾选“Allow overlapping entity”</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/formats.py" line="142"/>
        <source>{count} of the exported documents have overlapping tags: CoNLL&apos;s BIO columns keep one tag per place, so the others were left out (each is listed in the folder&apos;s README.txt)</source>
        <translation>导出的文档中有 {count} 篇含有重叠的标注：CoNLL 的 BIO 列在每个位置只能保留一个标注，其余的未导出（均列在文件夹的 README.txt 中）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/formats.py" line="205"/>
        <source>none of the project&apos;s documents is chosen (see the status, document, label and annotator choices): nothing was written to {0}</source>
        <translation>项目中没有文档符合所选条件（请检查状态、文档、标签和标注者的选择）：未写入 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/formats.py" line="340"/>
        <source>no such file or folder</source>
        <translation>没有这个文件或文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/formats.py" line="342"/>
        <source>a loop of symbolic links</source>
        <translation>符号链接形成了循环</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/formats.py" line="344"/>
        <source>cannot be read: {0}</source>
        <translation>无法读取：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/formats.py" line="346"/>
        <source>leads to {0}, a system file; not read</source>
        <translation>指向系统文件 {0}；未读取</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/formats.py" line="350"/>
        <source>not a regular file (a pipe, device or socket); not read</source>
        <translation>不是普通文件（管道、设备或套接字）；未读取</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/formats.py" line="364"/>
        <location filename="../../desktop/core/exports/importing.py" line="85"/>
        <location filename="../../desktop/core/exports/labelstudio.py" line="304"/>
        <location filename="../../desktop/core/exports/labelstudio.py" line="537"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/formats.py" line="369"/>
        <source>{0}: not an annotated set (.jsonl, .json, .qdpx or a brat folder)</source>
        <translation>{0}：不是标注集（.jsonl、.json、.qdpx 或 brat 文件夹）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/formats.py" line="378"/>
        <source>{0}: the file holds nothing to import</source>
        <translation>{0}：文件中没有可导入的内容</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/importing.py" line="71"/>
        <source>{0}: {1} MB, above the limit of {2:g} MB for a set file ({3} times the document limit; raise it with {4} or --max-document-mb); nothing was read</source>
        <translation>{0}：{1} MB，超过标注集文件 {2:g} MB 的上限（文档上限的 {3} 倍；可用 {4} 或 --max-document-mb 调高）；未读取任何内容</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/importing.py" line="128"/>
        <source>codebook</source>
        <translation>代码本</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/importing.py" line="239"/>
        <source>{0}; label left out</source>
        <translation>{0}；已略去该标签</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/importing.py" line="270"/>
        <source>the text {0}; document refused</source>
        <translation>正文{0}；已拒绝该文档</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/importing.py" line="281"/>
        <source>{0} {1}; left out</source>
        <translation>{0} {1}；已略去</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/importing.py" line="289"/>
        <source>raw_text {0}; raw text dropped</source>
        <translation>raw_text {0}；已丢弃原始文本</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/importing.py" line="299"/>
        <source>metadata {0!r} {1}; left out</source>
        <translation>元数据 {0!r} {1}；已略去</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/importing.py" line="316"/>
        <source>is {0} MB, above the limit of {1:g} MB for one document (raise it with {2} or --max-document-mb)</source>
        <translation>有 {0} MB，超过单篇文档 {1:g} MB 的上限（可用 {2} 或 --max-document-mb 调高）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/importing.py" line="360"/>
        <source>a tag&apos;s {0} {1}; tag refused</source>
        <translation>标注的 {0} {1}；已拒绝该标注</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/importing.py" line="377"/>
        <source>an entity correction {0}; correction refused</source>
        <translation>实体更正{0}；已拒绝该更正</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/importing.py" line="403"/>
        <source>attributes</source>
        <translation>属性</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/importing.py" line="404"/>
        <source>attribute {0!r} {1}; left out</source>
        <translation>属性 {0!r} {1}；已略去</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/importing.py" line="513"/>
        <source>the text is empty; document refused</source>
        <translation>正文为空；已拒绝该文档</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/importing.py" line="523"/>
        <source>the text does not match its text_sha256; document refused</source>
        <translation>正文与其 text_sha256 不符；已拒绝该文档</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/importing.py" line="689"/>
        <source>{0}, so the text cannot be checked against its source; document refused</source>
        <translation>{0}，因此无法对照源文档核对正文；已拒绝该文档</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/importing.py" line="695"/>
        <source>the conversion of the source document gives a different text; document refused</source>
        <translation>源文档转换后的文本与之不同；已拒绝该文档</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/importing.py" line="708"/>
        <source>{0}; tag refused</source>
        <translation>{0}；已拒绝该标注</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/importing.py" line="729"/>
        <source>span {0}-{1} has no counterpart in the source document&apos;s text</source>
        <translation>片段 {0}-{1} 在源文档正文中没有对应</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/importing.py" line="741"/>
        <source>span {0}-{1} is reversed (it ends before it starts)</source>
        <translation>片段 {0}-{1} 首尾颠倒（结束早于开始）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/importing.py" line="745"/>
        <source>span {0}-{1} is empty</source>
        <translation>片段 {0}-{1} 为空</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/importing.py" line="747"/>
        <source>span {0}-{1} is outside the text ({2} characters)</source>
        <translation>片段 {0}-{1} 超出正文范围（正文共 {2} 个字符）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/importing.py" line="751"/>
        <source>span {0}-{1} covers {2!r}, not {3!r}</source>
        <translation>片段 {0}-{1} 覆盖的是 {2!r}，而不是 {3!r}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/importing.py" line="793"/>
        <source>its removed spans overlap or fall outside raw_text</source>
        <translation>其删除片段相互重叠或超出 raw_text</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/importing.py" line="800"/>
        <source>deleting its removed spans from raw_text does not give the text</source>
        <translation>从 raw_text 中删去其删除片段后得不到正文</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/importing.py" line="806"/>
        <source>{0}; raw text dropped, document kept</source>
        <translation>{0}；已丢弃原始文本，保留文档</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/jsonl.py" line="163"/>
        <source>{0}: cannot be read as UTF-8 ({1})</source>
        <translation>{0}：无法按 UTF-8 读取（{1}）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/jsonl.py" line="177"/>
        <source>{0}: no line is a document ({1})</source>
        <translation>{0}：没有一行是文档（{1}）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/jsonl.py" line="183"/>
        <source>{0} document-level labels (doccano classification) have no span</source>
        <translation>{0} 个文档级标签（doccano 分类）没有片段</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/jsonl.py" line="189"/>
        <source>{0} relations (doccano; Jiyao has no relations)</source>
        <translation>{0} 个关系（doccano；纪要没有关系）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/jsonl.py" line="221"/>
        <source>line {0}</source>
        <translation>第 {0} 行</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/jsonl.py" line="243"/>
        <source>a record is a JSON object</source>
        <translation>记录应为 JSON 对象</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/jsonl.py" line="259"/>
        <source>{0} {1}: {2}</source>
        <translation>{0} {1}：{2}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/jsonl.py" line="271"/>
        <source>{0!r} must be a list; left out</source>
        <translation>{0!r} 必须是列表；已略去</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/jsonl.py" line="280"/>
        <source>the text is missing or empty</source>
        <translation>正文缺失或为空</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/jsonl.py" line="325"/>
        <source>the memo&apos;s text is empty</source>
        <translation>备忘正文为空</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/jsonl.py" line="358"/>
        <source>{0} tags in &apos;annotations&apos; are no longer in &apos;label&apos; (deleted or changed in doccano?); left out</source>
        <translation>&apos;annotations&apos; 中有 {0} 个标注已不在 &apos;label&apos; 中（在 doccano 中删除或修改过？）；已略去</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/jsonl.py" line="386"/>
        <source>removed: {0}; raw text dropped, document kept</source>
        <translation>removed：{0}；已丢弃原始文本，保留文档</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/jsonl.py" line="397"/>
        <source>a removal is [start, end, kind], not {0}</source>
        <translation>删除片段应为 [start, end, kind]，而不是 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/jsonl.py" line="416"/>
        <source>an annotation is a JSON object, not {0}</source>
        <translation>标注应为 JSON 对象，而不是 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/jsonl.py" line="444"/>
        <source>a label is [start, end, label], not {0}</source>
        <translation>标签应为 [start, end, label]，而不是 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/jsonl.py" line="455"/>
        <source>an entity is a JSON object, not {0}</source>
        <translation>实体应为 JSON 对象，而不是 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/labelstudio.py" line="285"/>
        <source>task {0}</source>
        <translation>任务 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/labelstudio.py" line="296"/>
        <source>{0}: not UTF-8 text</source>
        <translation>{0}：不是 UTF-8 文本</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/labelstudio.py" line="310"/>
        <source>{0}: not Label Studio tasks (a list of {{data: ...}})</source>
        <translation>{0}：不是 Label Studio 任务（{{data: ...}} 的列表）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/labelstudio.py" line="343"/>
        <location filename="../../desktop/core/exports/qdpx_reader.py" line="706"/>
        <source>{0} {1}</source>
        <translation>{1}：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/labelstudio.py" line="354"/>
        <source>a task is a JSON object</source>
        <translation>任务应为 JSON 对象</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/labelstudio.py" line="360"/>
        <source>no &quot;data&quot; object holding the text</source>
        <translation>没有装有正文的 &quot;data&quot; 对象</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/labelstudio.py" line="400"/>
        <source>an annotation is not a JSON object</source>
        <translation>某条标注不是 JSON 对象</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/labelstudio.py" line="404"/>
        <source>cancelled annotations</source>
        <translation>已取消的标注</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/labelstudio.py" line="420"/>
        <source>relations (Jiyao has no relations)</source>
        <translation>关系（纪要没有关系）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/labelstudio.py" line="441"/>
        <source>region {0!r}: {1}</source>
        <translation>区域 {0!r}：{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/labelstudio.py" line="456"/>
        <location filename="../../desktop/core/exports/labelstudio.py" line="563"/>
        <source>results not tied to a tagged span</source>
        <translation>未关联到标注片段的结果</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/labelstudio.py" line="471"/>
        <source>entity spans (the entity layer is not imported as tags)</source>
        <translation>实体片段（实体层不作为标注导入）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/labelstudio.py" line="477"/>
        <source>predicted regions (model predictions are not tags)</source>
        <translation>预测区域（模型预测不是标注）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/labelstudio.py" line="487"/>
        <source>entity correction {0}: {1}</source>
        <translation>实体更正 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/labelstudio.py" line="498"/>
        <source>the text is empty</source>
        <translation>正文为空</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/labelstudio.py" line="525"/>
        <source>JSON_MIN lists with no span (document-level answers)</source>
        <translation>没有片段的 JSON_MIN 列表（文档级答案）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/labelstudio.py" line="630"/>
        <source>a labels result needs a value object</source>
        <translation>labels 结果需要 value 对象</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/labelstudio.py" line="635"/>
        <source>labels must be a list of names, not {0!r}</source>
        <translation>labels 必须是名称列表，而不是 {0!r}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/labelstudio.py" line="678"/>
        <source>data holds no text: none of the fields the labelling config reads ({0})</source>
        <translation>data 中没有正文：标注配置读取的字段（{0}）都不存在</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/labelstudio.py" line="684"/>
        <source>data holds no text (&quot;text&quot;); another field is the text only when a labelling config beside the tasks names it (&lt;Text value=&quot;$field&quot;&gt;)</source>
        <translation>data 中没有正文（&quot;text&quot;）；只有任务旁的标注配置指明（&lt;Text value=&quot;$field&quot;&gt;）时，其他字段才算正文</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/labelstudio.py" line="696"/>
        <source>data.{0} is not text</source>
        <translation>data.{0} 不是文本</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/labelstudio.py" line="698"/>
        <source>data.{0} is empty</source>
        <translation>data.{0} 为空</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/labelstudio_config.py" line="123"/>
        <source>not a readable labelling config ({0})</source>
        <translation>不是可读的标注配置（{0}）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/output.py" line="77"/>
        <source>{0} is the open project: choose another path to export to</source>
        <translation>{0} 是当前打开的项目：请选择其他导出路径</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/output.py" line="87"/>
        <source>cannot export to {0}: {1}</source>
        <translation>无法导出到 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/output.py" line="93"/>
        <source>{0} is a pipe or a device, not a file an export can replace</source>
        <translation>{0} 是管道或设备，不是导出可以替换的文件</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/output.py" line="99"/>
        <source>{0} is an SQLite database: choose another path to export to</source>
        <translation>{0} 是 SQLite 数据库：请选择其他导出路径</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/output.py" line="199"/>
        <source>{0} is a file: an export of this format writes a folder</source>
        <translation>{0} 是文件：此格式的导出会写入一个文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/output.py" line="208"/>
        <source>{0} is not empty and is not an earlier Jiyao export: choose a new or empty folder</source>
        <translation>{0} 不是空文件夹，也不是纪要先前的导出：请选择新的或空的文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/output.py" line="218"/>
        <source>{0} is an earlier Jiyao export with files added or changed since ({1}{2}): move them out or choose another folder</source>
        <translation>{0} 是纪要先前的导出，此后有文件被添加或修改（{1}{2}）：请移走它们或选择其他文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/qdpx_reader.py" line="71"/>
        <source>{0} is not a regular file (a folder, pipe or device)</source>
        <translation>{0} 不是普通文件（是文件夹、管道或设备）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/qdpx_reader.py" line="79"/>
        <source>{0}: not a .qdpx (zip) file: {1}</source>
        <translation>{0}：不是 .qdpx（zip）文件：{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/qdpx_reader.py" line="99"/>
        <source>{0}: {1} unpacks to {2}</source>
        <translation>{0}：{1} 解压后为 {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/qdpx_reader.py" line="106"/>
        <source>{0}: its files unpack to {1} for a whole .qdpx</source>
        <translation>{0}：整个 .qdpx 的文件解压后为 {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/qdpx_reader.py" line="139"/>
        <source>the zip holds no {0}</source>
        <translation>zip 中没有 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/qdpx_reader.py" line="144"/>
        <source>{0} cannot be read from the zip, which is damaged ({1})</source>
        <translation>无法从 zip 中读取 {0}，zip 已损坏（{1}）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/qdpx_reader.py" line="152"/>
        <source>{0} is not XML ({1})</source>
        <translation>{0} 不是 XML（{1}）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/qdpx_reader.py" line="156"/>
        <source>{0} is not a REFI-QDA project (its root is {1})</source>
        <translation>{0} 不是 REFI-QDA 项目（其根元素是 {1}）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/qdpx_reader.py" line="241"/>
        <location filename="../../desktop/core/exports/qdpx_reader.py" line="265"/>
        <source>code {0}</source>
        <translation>代码 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/qdpx_reader.py" line="275"/>
        <source>source {0}</source>
        <translation>来源 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/qdpx_reader.py" line="346"/>
        <source>note {0}</source>
        <translation>备注 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/qdpx_reader.py" line="405"/>
        <location filename="../../desktop/core/exports/qdpx_reader.py" line="424"/>
        <source>selection {0}</source>
        <translation>选区 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/qdpx_reader.py" line="685"/>
        <source>selections of the entity layer (codes under Entities), not tags</source>
        <translation>实体层的选区（Entities 下的代码），不是标注</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/qdpx_reader.py" line="688"/>
        <source>selections with no label code (memos), not tags</source>
        <translation>没有标签代码的选区（备忘），不是标注</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/qdpx_reader.py" line="689"/>
        <source>codings of whole sources, which have no span</source>
        <translation>对整个来源的编码，没有片段</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/qdpx_reader.py" line="692"/>
        <source>sources that are not plain text (pictures, PDFs, audio, video)</source>
        <translation>不是纯文本的来源（图片、PDF、音频、视频）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/qdpx_reader.py" line="695"/>
        <source>notes with no text</source>
        <translation>没有正文的备注</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/qdpx_reader.py" line="696"/>
        <source>notes on text ranges that hold no tag</source>
        <translation>附在没有标注的文本范围上的备注</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/qdpx_reader.py" line="697"/>
        <source>cases (Jiyao has no cases; their memos and variables are not imported)</source>
        <translation>案例（纪要没有案例；其备忘和变量不导入）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/qdpx_reader.py" line="700"/>
        <source>attribute codings on a range with no single tag to go to</source>
        <translation>所在范围没有唯一对应标注的属性编码</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/selection.py" line="185"/>
        <source>document ids are like 3, 5-9 or 1,2, not {0!r}</source>
        <translation>文档编号应形如 3、5-9 或 1,2，而不是 {0!r}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/selection.py" line="193"/>
        <source>{0} is reversed: write {1}-{2}</source>
        <translation>{0} 首尾颠倒：应写作 {1}-{2}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/selection.py" line="211"/>
        <source>no document {0} in this project</source>
        <translation>此项目中没有文档 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/selection.py" line="216"/>
        <source>no document of this project is in the ids given</source>
        <translation>给出的编号中没有此项目的文档</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/selection.py" line="266"/>
        <source>no label called {0} in this project</source>
        <translation>此项目中没有名为 {0} 的标签</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/selection.py" line="287"/>
        <source>no tags by {0} in this project</source>
        <translation>此项目中没有 {0} 所做的标注</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/qdc.py" line="66"/>
        <source>the project has no labels: a codebook needs one code at least</source>
        <translation>项目没有标签：编码本至少需要一个代码</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/qdc.py" line="111"/>
        <source>{0}: larger than {1} MB</source>
        <translation>{0}：超过 {1} MB</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/qdc.py" line="119"/>
        <source>{0}: cannot read it ({1})</source>
        <translation>{0}：无法读取（{1}）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/qdc.py" line="128"/>
        <source>{0}, line {1}: not valid XML: {2}</source>
        <translation>{0} 第 {1} 行：不是有效的 XML：{2}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/qdc.py" line="136"/>
        <source>{0}, line {1}: not a REFI-QDA codebook: {2}</source>
        <translation>{0} 第 {1} 行：不是 REFI-QDA 编码本：{2}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/qdc.py" line="154"/>
        <source>it has no name</source>
        <translation>它没有名称</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/qdc.py" line="157"/>
        <source>a name cannot contain &quot;{0}&quot;</source>
        <translation>名称不能包含“{0}”</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/qdc.py" line="162"/>
        <source>{0}, line {1}: code {2!r}: {3}</source>
        <translation>{0} 第 {1} 行：代码 {2!r}：{3}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/qdc.py" line="169"/>
        <source>{0}, lines {1} and {2}: two codes {3!r} under one parent (rename one; Jiyao will not merge them silently)</source>
        <translation>{0} 第 {1} 行和第 {2} 行：同一上级下有两个代码 {3!r}（请重命名其中一个；纪要不会擅自合并它们）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/rich_text.py" line="87"/>
        <source>{0}: write {1} (the suffix chooses the format)</source>
        <translation>{0}：请写成 {1}（由扩展名决定格式）</translation>
    </message>
</context>
<context>
    <name>ExchangeController</name>
    <message>
        <location filename="../../desktop/ui/exchange/exporting.py" line="45"/>
        <source>Could not write {0}: {1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exporting.py" line="124"/>
        <source>Exporting</source>
        <translation>正在导出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exporting.py" line="125"/>
        <source>Exported {0} of {1} documents</source>
        <translation>已导出 {0}/{1} 篇文档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exporting.py" line="150"/>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exporting.py" line="150"/>
        <source>Reading {0}</source>
        <translation>正在读取 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exporting.py" line="157"/>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exporting.py" line="171"/>
        <source>Export cancelled</source>
        <translation>导出已取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exporting.py" line="171"/>
        <source>Nothing was written.</source>
        <translation>未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exporting.py" line="179"/>
        <source>{0} in {1} written to {2}</source>
        <translation>已将 {1}中的 {0}写入 {2}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/exchange/exporting.py" line="180"/>
        <source>%n tag(s)</source>
        <translation>
            <numerusform>%n 个标注</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/exchange/exporting.py" line="181"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n 篇文档</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exporting.py" line="185"/>
        <location filename="../../desktop/ui/exchange/exporting.py" line="191"/>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exporting.py" line="242"/>
        <source>Tags already present</source>
        <translation>已有的标注</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/exchange/exporting.py" line="244"/>
        <source>%n tag(s) already in the project have another note or other attributes in the imported set. Give them the set&apos;s note and attributes?</source>
        <translation>
            <numerusform>项目中已有 %n 个标注在导入的标注集中有不同的批注或属性。要改用标注集中的批注和属性吗？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exporting.py" line="187"/>
        <source>Before you use the file:</source>
        <translation>使用该文件之前请注意：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exporting.py" line="206"/>
        <location filename="../../desktop/ui/exchange/exporting.py" line="227"/>
        <source>Could not finish</source>
        <translation>未能完成</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="54"/>
        <source>Export annotated set</source>
        <translation>导出标注集</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="67"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="75"/>
        <source>All documents</source>
        <translation>全部文档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="76"/>
        <source>The current document</source>
        <translation>当前文档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="77"/>
        <source>Documents marked done</source>
        <translation>已标记完成的文档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="83"/>
        <source>All labels</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="87"/>
        <source>All annotators</source>
        <translation>全部标注者</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="89"/>
        <source>(no name)</source>
        <translation>（未署名）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="93"/>
        <source>The clean original</source>
        <translation>清理后的原文</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="94"/>
        <source>The converted text (natural conversion)</source>
        <translation>转换后的文本（默认转换）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="96"/>
        <source>The converted text ({0})</source>
        <translation>转换后的文本（{0}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="97"/>
        <source>Include the entity layer (people, places, dates…)</source>
        <translation>包含实体层（人名、地名、日期…）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="101"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="105"/>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="106"/>
        <source>Write to:</source>
        <translation>写入到：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="107"/>
        <source>Documents:</source>
        <translation>文档：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="108"/>
        <source>Labels:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="109"/>
        <source>Annotator:</source>
        <translation>标注者：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="110"/>
        <source>Text:</source>
        <translation>文本：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="115"/>
        <source>Offsets are code points into the exported text, end-exclusive.</source>
        <translation>偏移量按导出文本的 Unicode 码位计算，不含结束位置。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="127"/>
        <source>CSV tables for pandas, R and Excel (folder)</source>
        <translation>CSV 表格，供 pandas、R 和 Excel 使用（文件夹）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="128"/>
        <source>JSON Lines, doccano-compatible (.jsonl)</source>
        <translation>JSON Lines，兼容 doccano (.jsonl)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="129"/>
        <source>brat standoff .txt + .ann (folder)</source>
        <translation>brat standoff .txt + .ann（文件夹）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="130"/>
        <source>CoNLL character BIO for training taggers (folder)</source>
        <translation>CoNLL 逐字 BIO，用于训练标注模型（文件夹）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="131"/>
        <source>REFI-QDA project for NVivo, MAXQDA, ATLAS.ti, QualCoder (.qdpx)</source>
        <translation>REFI-QDA 项目，供 NVivo、MAXQDA、ATLAS.ti、QualCoder 使用 (.qdpx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="132"/>
        <source>Label Studio tasks (.json)</source>
        <translation>Label Studio 任务 (.json)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="174"/>
        <source>Export into folder</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="177"/>
        <source>Export to file</source>
        <translation>导出到文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="192"/>
        <source>Choose where to write the export.</source>
        <translation>请选择导出位置。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="196"/>
        <source>This format writes a file; the path is a folder.</source>
        <translation>此格式写入一个文件，但所选路径是文件夹。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="199"/>
        <source>This format writes a folder; the path is a file.</source>
        <translation>此格式写入一个文件夹，但所选路径是文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="214"/>
        <source>The folder {0} is not empty. Files of an earlier Jiyao export there will be replaced; other files make the export stop.</source>
        <translation>文件夹 {0} 不是空的。其中纪要先前导出的文件将被替换；若有其他文件，导出将会停止。</translation>
    </message>
</context>
<context>
    <name>HandOverWords</name>
    <message>
        <location filename="../../desktop/ui/shell/app.py" line="221"/>
        <source>Jiyao is already running: brought its window to the front.</source>
        <translation>纪要已在运行：已将其窗口置于最前。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/shell/app.py" line="222"/>
        <source>Jiyao is already running: handed %n path(s) to it.</source>
        <translation>
            <numerusform>纪要已在运行：已将 %n 个路径交给它。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HitTableModel</name>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="95"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="96"/>
        <source>Left</source>
        <translation>左语境</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="97"/>
        <source>Hit</source>
        <translation>命中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="98"/>
        <source>Right</source>
        <translation>右语境</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="99"/>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="165"/>
        <source>Sorting sorts the {0:,} hits listed, not every hit</source>
        <translation>排序只对列出的 {0:,} 条命中，而非全部命中</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <location filename="../../desktop/core/corpus.py" line="168"/>
        <source>no such file or folder</source>
        <translation>没有这个文件或文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/core/corpus.py" line="202"/>
        <source>a Jiyao brat export: import the folder itself, as an annotated set</source>
        <translation>这是纪要的 brat 导出：请把该文件夹本身作为标注集导入</translation>
    </message>
    <message>
        <location filename="../../desktop/core/corpus.py" line="211"/>
        <source>a Jiyao {0} export: it cannot be read back; import the .jsonl/.qdpx/brat export instead</source>
        <translation>这是纪要的 {0} 导出：无法读回；请改为导入 .jsonl/.qdpx/brat 导出</translation>
    </message>
    <message>
        <location filename="../../desktop/core/corpus.py" line="222"/>
        <source>the results of jiyao analyze --out: import this folder by itself (File &gt; Import analysis results…)</source>
        <translation>jiyao analyze --out 的分析结果：请单独导入此文件夹（文件 &gt; 导入分析结果…）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/corpus.py" line="234"/>
        <source>the folder&apos;s name is not valid text: rename the folder (none of its files was read)</source>
        <translation>文件夹名称不是有效文本：请重命名该文件夹（其中的文件均未读取）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/corpus.py" line="242"/>
        <source>a folder of the system&apos;s, not documents; not read</source>
        <translation>这是系统文件夹，不是文档；未读取</translation>
    </message>
    <message>
        <location filename="../../desktop/core/corpus.py" line="265"/>
        <source>cannot be listed: {0}</source>
        <translation>无法列出内容：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/corpus.py" line="446"/>
        <source>the name of its folder is not valid text; rename the folder</source>
        <translation>所在文件夹的名称不是有效文本；请重命名该文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/core/corpus.py" line="449"/>
        <source>the file name is not valid text; rename the file</source>
        <translation>文件名不是有效文本；请重命名该文件</translation>
    </message>
    <message>
        <location filename="../../desktop/core/safe_text.py" line="32"/>
        <source>line {0}: </source>
        <translation>第 {0} 行：</translation>
    </message>
    <message>
        <location filename="../../desktop/core/safe_text.py" line="37"/>
        <source>not JSON ({0}{1})</source>
        <translation>不是 JSON（{0}{1}）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/safe_text.py" line="41"/>
        <source>not usable JSON (nested too deeply)</source>
        <translation>不是可用的 JSON（嵌套太深）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/safe_text.py" line="45"/>
        <source>not usable JSON ({0})</source>
        <translation>不是可用的 JSON（{0}）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/safe_text.py" line="52"/>
        <source>holds a NUL character</source>
        <translation>含有 NUL 字符</translation>
    </message>
    <message>
        <location filename="../../desktop/core/safe_text.py" line="56"/>
        <source>holds a lone surrogate (U+{0:04X}), which is not text</source>
        <translation>含有孤立的代理码位（U+{0:04X}），不是文本</translation>
    </message>
    <message>
        <location filename="../../desktop/core/safe_text.py" line="69"/>
        <source>nested more than {0} levels deep</source>
        <translation>嵌套超过 {0} 层</translation>
    </message>
    <message>
        <location filename="../../desktop/core/textio.py" line="43"/>
        <source>a PDF file</source>
        <translation>PDF 文件</translation>
    </message>
    <message>
        <location filename="../../desktop/core/textio.py" line="44"/>
        <source>a ZIP archive (a .docx or .xlsx is one)</source>
        <translation>ZIP 压缩包（.docx 和 .xlsx 都是）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/textio.py" line="45"/>
        <source>an old Office document (.doc/.xls)</source>
        <translation>旧版 Office 文档（.doc/.xls）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/textio.py" line="46"/>
        <source>a PNG image</source>
        <translation>PNG 图片</translation>
    </message>
    <message>
        <location filename="../../desktop/core/textio.py" line="47"/>
        <source>a JPEG image</source>
        <translation>JPEG 图片</translation>
    </message>
    <message>
        <location filename="../../desktop/core/textio.py" line="48"/>
        <source>a GIF image</source>
        <translation>GIF 图片</translation>
    </message>
    <message>
        <location filename="../../desktop/core/textio.py" line="49"/>
        <source>an SQLite database</source>
        <translation>SQLite 数据库</translation>
    </message>
    <message>
        <location filename="../../desktop/core/textio.py" line="124"/>
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <location filename="../../desktop/core/textio.py" line="134"/>
        <source>this is {0}, not plain text</source>
        <translation>这是{0}，不是纯文本</translation>
    </message>
    <message>
        <location filename="../../desktop/core/textio.py" line="139"/>
        <source>this looks like UTF-16 without a byte-order mark; save it as UTF-8 and retry</source>
        <translation>这像是没有字节顺序标记的 UTF-16；请另存为 UTF-8 后重试</translation>
    </message>
    <message>
        <location filename="../../desktop/core/textio.py" line="145"/>
        <source>this looks like a binary file (it contains NUL bytes)</source>
        <translation>这像是二进制文件（含有 NUL 字节）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/textio.py" line="169"/>
        <source>it ends inside a character at byte {0} (cut short?)</source>
        <translation>文件在第 {0} 字节处截断在一个字符中间（被截短了？）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/textio.py" line="173"/>
        <source>byte {0} (0x{1:02x}) cannot be there</source>
        <translation>第 {0} 字节（0x{1:02x}）不应出现在那里</translation>
    </message>
    <message>
        <location filename="../../desktop/core/textio.py" line="176"/>
        <source>not valid UTF-8: {0}; and not GB18030/GBK or Big5 text either</source>
        <translation>不是有效的 UTF-8：{0}；也不是 GB18030/GBK 或 Big5 文本</translation>
    </message>
    <message>
        <location filename="../../desktop/core/textio.py" line="179"/>
        <source>the text is in no encoding Jiyao reads (UTF-8, UTF-16, GB18030/GBK, Big5)</source>
        <translation>文本不是纪要能读取的任何编码（UTF-8、UTF-16、GB18030/GBK、Big5）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/textio.py" line="209"/>
        <source>the file starts with a {0} byte-order mark but is not valid {0} at byte {1}</source>
        <translation>文件以 {0} 字节顺序标记开头，但第 {1} 字节处不是有效的 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/readers/html_page.py" line="92"/>
        <source>no web page inside this .mht file</source>
        <translation>这个 .mht 文件里没有网页</translation>
    </message>
    <message>
        <location filename="../../desktop/core/readers/html_page.py" line="97"/>
        <source>the web page inside this .mht file is empty</source>
        <translation>这个 .mht 文件里的网页是空的</translation>
    </message>
    <message>
        <location filename="../../desktop/core/readers/html_page.py" line="155"/>
        <location filename="../../desktop/core/textio.py" line="223"/>
        <source>this looks like a binary file (it contains NUL characters)</source>
        <translation>这像是二进制文件（含有 NUL 字符）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/readers/html_page.py" line="163"/>
        <source>not a readable web page ({0})</source>
        <translation>不是可读的网页（{0}）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/readers/html_page.py" line="169"/>
        <source>no article text found on this page (an index, list or login page?)</source>
        <translation>这个网页上找不到正文（是目录、列表或登录页？）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/textio.py" line="228"/>
        <source>the file holds only white space</source>
        <translation>文件只有空白</translation>
    </message>
    <message>
        <location filename="../../desktop/core/textio.py" line="231"/>
        <source>the file decodes as {0} but does not read as text</source>
        <translation>文件可按 {0} 解码，但读起来不像文本</translation>
    </message>
    <message>
        <location filename="../../desktop/core/textio.py" line="69"/>
        <source>the file changed while it was opened; not read</source>
        <translation>文件在打开时发生了变化；未读取</translation>
    </message>
    <message>
        <location filename="../../desktop/core/textio.py" line="392"/>
        <location filename="../../desktop/core/textio.py" line="468"/>
        <source>no such file</source>
        <translation>没有这个文件</translation>
    </message>
    <message>
        <location filename="../../desktop/core/textio.py" line="394"/>
        <source>a loop of symbolic links</source>
        <translation>符号链接形成了循环</translation>
    </message>
    <message>
        <location filename="../../desktop/core/textio.py" line="407"/>
        <source>leads to {0}, a system file; not read</source>
        <translation>指向系统文件 {0}；未读取</translation>
    </message>
    <message>
        <location filename="../../desktop/core/textio.py" line="413"/>
        <source>a link to {0}, outside the folder; not followed</source>
        <translation>是指向文件夹之外 {0} 的链接；未跟随</translation>
    </message>
    <message>
        <location filename="../../desktop/core/textio.py" line="421"/>
        <location filename="../../desktop/core/textio.py" line="470"/>
        <source>this is a folder, not a file</source>
        <translation>这是文件夹，不是文件</translation>
    </message>
    <message>
        <location filename="../../desktop/core/textio.py" line="424"/>
        <source>not a regular file ({0}); not read</source>
        <translation>不是普通文件（{0}）；未读取</translation>
    </message>
    <message>
        <location filename="../../desktop/core/textio.py" line="434"/>
        <source>a named pipe, FIFO</source>
        <translation>命名管道 FIFO</translation>
    </message>
    <message>
        <location filename="../../desktop/core/textio.py" line="436"/>
        <source>a socket</source>
        <translation>套接字</translation>
    </message>
    <message>
        <location filename="../../desktop/core/textio.py" line="438"/>
        <source>a device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../desktop/core/textio.py" line="439"/>
        <source>a special file</source>
        <translation>特殊文件</translation>
    </message>
    <message>
        <location filename="../../desktop/core/textio.py" line="444"/>
        <source>{0:,.1f} MB, above the limit of {1:g} MB for a file of many documents ({2} times the limit for one; raise it with {3} or --max-document-mb)</source>
        <translation>{0:,.1f} MB，超过多文档文件 {1:g} MB 的上限（单篇上限的 {2} 倍；可用 {3} 或 --max-document-mb 调高）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/textio.py" line="459"/>
        <source>{0:,.1f} MB, above the limit of {1:g} MB for one document (raise it with {2} or --max-document-mb)</source>
        <translation>{0:,.1f} MB，超过单篇文档 {1:g} MB 的上限（可用 {2} 或 --max-document-mb 调高）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/textio.py" line="472"/>
        <source>cannot be read: {0}</source>
        <translation>无法读取：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/readers/__init__.py" line="61"/>
        <source>an old Word/WPS document: save it as .docx and import that</source>
        <translation>旧版 Word/WPS 文档：请另存为 .docx 后再导入</translation>
    </message>
    <message>
        <location filename="../../desktop/core/readers/pdf.py" line="53"/>
        <source>an encrypted PDF that needs a password: save an unprotected copy and import that</source>
        <translation>加密的 PDF，需要密码：请另存一份未加密的副本后再导入</translation>
    </message>
    <message>
        <location filename="../../desktop/core/readers/pdf.py" line="67"/>
        <source>an encrypted PDF that pypdf cannot open: save an unprotected copy and import that</source>
        <translation>pypdf 打不开这个加密的 PDF：请另存一份未加密的副本后再导入</translation>
    </message>
    <message>
        <location filename="../../desktop/core/readers/pdf.py" line="76"/>
        <source>no text layer (scanned?): run OCR first</source>
        <translation>没有文字层（扫描件？）：请先做文字识别（OCR）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/readers/pdf.py" line="87"/>
        <source>not a readable PDF (damaged?): {0}</source>
        <translation>不是可读的 PDF（已损坏？）：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/readers/source.py" line="39"/>
        <source>line {0}: {1}</source>
        <translation>第 {0} 行：{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/readers/source.py" line="41"/>
        <source>record {0}: {1}</source>
        <translation>第 {0} 条记录：{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/readers/source.py" line="43"/>
        <source>row {0}: {1}</source>
        <translation>第 {0} 行：{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/readers/table.py" line="53"/>
        <source>not a readable CSV file: {0}</source>
        <translation>不是可读的 CSV 文件：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/readers/table.py" line="72"/>
        <source>not a readable .xlsx (a damaged file, or not an Excel workbook)</source>
        <translation>不是可读的 .xlsx（文件已损坏，或不是 Excel 工作簿）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/readers/table.py" line="79"/>
        <source>the workbook has no sheet</source>
        <translation>工作簿里没有工作表</translation>
    </message>
    <message>
        <location filename="../../desktop/core/readers/table.py" line="101"/>
        <source>the table is empty</source>
        <translation>表格是空的</translation>
    </message>
    <message>
        <location filename="../../desktop/core/readers/table.py" line="140"/>
        <source>no text in column {0!r}</source>
        <translation>{0!r} 列没有文字</translation>
    </message>
    <message>
        <location filename="../../desktop/core/readers/table.py" line="110"/>
        <source>the table has a header but no rows</source>
        <translation>表格只有表头，没有数据行</translation>
    </message>
    <message>
        <location filename="../../desktop/core/readers/table.py" line="159"/>
        <source>column {0!r} holds a lone surrogate (U+{1:04X}), which is not text</source>
        <translation>列 {0!r} 含有孤立的代理码位（U+{1:04X}），不是文本</translation>
    </message>
    <message>
        <location filename="../../desktop/core/readers/table.py" line="175"/>
        <source>no column {0!r}; the columns are: {1}</source>
        <translation>没有 {0!r} 列；现有的列：{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/readers/table.py" line="183"/>
        <source>no text column (named 正文, 内容, 全文, 文本, text, content or body); the columns are: {0}; name one with --text-column</source>
        <translation>没有正文列（名为 正文、内容、全文、文本、text、content 或 body）；现有的列：{0}；请用 --text-column 指定</translation>
    </message>
    <message>
        <location filename="../../desktop/core/readers/word.py" line="29"/>
        <source>not a readable .docx (a damaged file, or not a Word document)</source>
        <translation>不是可读的 .docx（文件已损坏，或不是 Word 文档）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/readers/word.py" line="35"/>
        <source>the Word document holds no text</source>
        <translation>这个 Word 文档里没有文字</translation>
    </message>
    <message>
        <location filename="../../desktop/core/readers/json_rows.py" line="120"/>
        <source>an annotated set (Jiyao&apos;s JSONL, doccano or Label Studio), not scraped rows: import the file by itself</source>
        <translation>这是标注集（纪要的 JSONL、doccano 或 Label Studio），不是抓取的数据行：请单独导入这个文件</translation>
    </message>
    <message>
        <location filename="../../desktop/core/readers/json_rows.py" line="130"/>
        <source>a label scheme (as Jiyao writes beside a JSONL export), not scraped rows: import it with Edit &gt; Labels… &gt; Import scheme…</source>
        <translation>这是标签方案（纪要在 JSONL 导出旁写下的那种），不是抓取的数据行：请用 编辑 &gt; 标签… &gt; 导入方案… 导入</translation>
    </message>
    <message>
        <location filename="../../desktop/core/readers/json_rows.py" line="144"/>
        <source>not a JSON object but {0}</source>
        <translation>不是 JSON 对象，而是 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/readers/json_rows.py" line="147"/>
        <source>field {0!r} holds {1}, not text</source>
        <translation>字段 {0!r} 的内容是 {1}，不是文字</translation>
    </message>
    <message>
        <location filename="../../desktop/core/readers/json_rows.py" line="186"/>
        <source>the file holds no JSON objects</source>
        <translation>文件中没有 JSON 对象</translation>
    </message>
    <message>
        <location filename="../../desktop/core/readers/json_rows.py" line="189"/>
        <source>no line is a JSON object (line {0}: {1})</source>
        <translation>没有一行是 JSON 对象（第 {0} 行：{1}）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/readers/json_rows.py" line="192"/>
        <source>the file holds no JSON objects (the first is {0})</source>
        <translation>文件中没有 JSON 对象（第一项是 {0}）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/folder_metadata.py" line="68"/>
        <source>describes files that are not in its folder: {0}</source>
        <translation>描述的文件不在其所在文件夹中：{0}</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <location filename="../../desktop/ui/exchange/importing.py" line="192"/>
        <source>Looking for files…</source>
        <translation>正在查找文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/importing.py" line="191"/>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/importing.py" line="82"/>
        <source>The document size limit {0}={1} is not a number of megabytes: correct or unset it, then import again.</source>
        <translation>文档大小上限 {0}={1} 不是以兆字节计的数字：请改正或删除该设置，然后重新导入。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/importing.py" line="115"/>
        <source>Cancelled: {0} imported, {1} duplicates skipped, {2} refused</source>
        <translation>已取消：导入 {0} 个，跳过重复 {1} 个，拒绝 {2} 个</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/importing.py" line="119"/>
        <source>{0} imported, {1} duplicates skipped, {2} refused</source>
        <translation>导入 {0} 个，跳过重复 {1} 个，拒绝 {2} 个</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/importing.py" line="193"/>
        <source>Importing {0} ({1} of {2})</source>
        <translation>正在导入 {0}（第 {1} 个，共 {2} 个）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/importing.py" line="98"/>
        <location filename="../../desktop/ui/exchange/importing.py" line="227"/>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/importing.py" line="228"/>
        <source>The import stopped: {0}</source>
        <translation>导入中止：{0}</translation>
    </message>
</context>
<context>
    <name>ImportExportActions</name>
    <message>
        <location filename="../../desktop/ui/exchange/import_export.py" line="59"/>
        <source>Import documents</source>
        <translation>导入文档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/import_export.py" line="62"/>
        <source>Documents (*.txt *.text *.md *.html *.htm *.shtml *.xhtml *.mht *.mhtml *.pdf *.docx *.csv *.tsv *.xlsx *.jsonl *.ndjson *.json);;Text files (*.txt *.text *.md);;Web pages (*.html *.htm *.shtml *.xhtml *.mht *.mhtml);;PDF (*.pdf);;Word (*.docx);;Tables and scraper output (*.csv *.tsv *.xlsx *.jsonl *.ndjson *.json);;All files (*)</source>
        <translation>文档 (*.txt *.text *.md *.html *.htm *.shtml *.xhtml *.mht *.mhtml *.pdf *.docx *.csv *.tsv *.xlsx *.jsonl *.ndjson *.json);;文本文件 (*.txt *.text *.md);;网页 (*.html *.htm *.shtml *.xhtml *.mht *.mhtml);;PDF (*.pdf);;Word (*.docx);;表格与抓取数据 (*.csv *.tsv *.xlsx *.jsonl *.ndjson *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/import_export.py" line="72"/>
        <source>Import a folder</source>
        <translation>导入文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/import_export.py" line="80"/>
        <source>Import the results of jiyao analyze --out</source>
        <translation>导入 jiyao analyze --out 的分析结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/import_export.py" line="88"/>
        <source>No analysis results</source>
        <translation>没有分析结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/import_export.py" line="90"/>
        <source>{0} holds no results of jiyao analyze --out (a manifest.json beside a shards folder): choose the folder given to --out.</source>
        <translation>{0} 中没有 jiyao analyze --out 的分析结果（manifest.json 与 shards 文件夹）：请选择 --out 指定的文件夹。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/import_export.py" line="101"/>
        <source>Import an annotated set</source>
        <translation>导入标注集</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/import_export.py" line="104"/>
        <source>Annotated sets (*.jsonl *.ndjson *.json *.qdpx);;JSON Lines, ours or doccano&apos;s (*.jsonl *.ndjson);;Label Studio (*.json);;REFI-QDA (*.qdpx)</source>
        <translation>标注集 (*.jsonl *.ndjson *.json *.qdpx);;JSON Lines（纪要或 doccano）(*.jsonl *.ndjson);;Label Studio (*.json);;REFI-QDA (*.qdpx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/import_export.py" line="112"/>
        <source>Import a brat folder</source>
        <translation>导入 brat 文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/import_export.py" line="124"/>
        <source>One project at a time: opened {0}</source>
        <translation>一次只能打开一个项目：已打开 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/import_export.py" line="140"/>
        <source>An import is running: {0} more will be imported after it</source>
        <translation>正在导入：另有 {0} 项将在其后导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/import_export.py" line="171"/>
        <source>{0} (cancelled; {1} waiting were not imported)</source>
        <translation>{0}（已取消；等待中的 {1} 项未导入）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/import_export.py" line="184"/>
        <source>The import failed; {0} waiting were not imported</source>
        <translation>导入失败；等待中的 {0} 项未导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/import_export.py" line="152"/>
        <source>An export or import is already running</source>
        <translation>已有导出或导入正在进行</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <location filename="../../desktop/ui/exchange/importing.py" line="131"/>
        <source>Import report</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/importing.py" line="134"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/importing.py" line="137"/>
        <source>These files were not imported:</source>
        <translation>以下文件未导入：</translation>
    </message>
</context>
<context>
    <name>JournalWindow</name>
    <message>
        <location filename="../../desktop/ui/memos/journal.py" line="69"/>
        <source>Journal</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/memos/journal.py" line="70"/>
        <source>New entry</source>
        <translation>新条目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/memos/journal.py" line="71"/>
        <source>Delete entry</source>
        <translation>删除条目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/memos/journal.py" line="154"/>
        <source>Entry not saved: {0}</source>
        <translation>条目未保存：{0}</translation>
    </message>
</context>
<context>
    <name>LabelEditor</name>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="109"/>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="112"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="112"/>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="149"/>
        <source>Key</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="112"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="138"/>
        <source>Pin the selected tag as example</source>
        <translation>将所选标注设为示例</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="145"/>
        <source>Colour…</source>
        <translation>颜色…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="148"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="150"/>
        <source>Definition</source>
        <translation>定义</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="151"/>
        <source>When to use</source>
        <translation>何时使用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="152"/>
        <source>When not to use</source>
        <translation>何时不用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="153"/>
        <source>Example</source>
        <translation>示例</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="155"/>
        <source>Under</source>
        <translation>上级</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="159"/>
        <source>Add label</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="160"/>
        <source>Add sub-label</source>
        <translation>添加子标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="161"/>
        <source>Merge into…</source>
        <translation>合并到…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="162"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="169"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="170"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="171"/>
        <source>Import scheme…</source>
        <translation>导入方案…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="172"/>
        <source>Export scheme…</source>
        <translation>导出方案…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="212"/>
        <source>(top level)</source>
        <translation>（顶层）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="283"/>
        <source>Select a tag with this label in the Tags tab first.</source>
        <translation>请先在“标注”标签页中选择一个带此标签的标注。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="291"/>
        <source>Not changed: {0}.</source>
        <translation>未更改：{0}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="302"/>
        <source>New label</source>
        <translation>新标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="302"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="322"/>
        <source>A label name cannot contain &quot;/&quot;: exports use it between a label and its sub-labels. Use a sub-label instead.</source>
        <translation>标签名称不能包含“/”：导出时用它分隔标签与其子标签。请改用子标签。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="339"/>
        <source>Delete &quot;{0}&quot;, its sub-labels and the {1} tags that use them? Edit &gt; Undo brings them back.</source>
        <translation>删除“{0}”及其子标签和使用它们的 {1} 条标注？可用“编辑 &gt; 撤销”恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="348"/>
        <source>Delete label</source>
        <translation>删除标签</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/tagging/label_editor.py" line="454"/>
        <source>%n label(s) added.</source>
        <translation>
            <numerusform>已添加 %n 个标签。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="344"/>
        <source>Delete &quot;{0}&quot;, its sub-labels and the {1} tags that use them? This cannot be undone.</source>
        <translation>删除“{0}”、其子标签及使用它们的 {1} 个标注？此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="68"/>
        <source>delete label &quot;{0}&quot;</source>
        <translation>删除标签“{0}”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="397"/>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="412"/>
        <source>Merge label</source>
        <translation>合并标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="397"/>
        <source>Merge into:</source>
        <translation>合并到：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="407"/>
        <source>Merge &quot;{0}&quot; into &quot;{1}&quot;? Its {2} tags and its sub-labels move to &quot;{1}&quot; and &quot;{0}&quot; is removed. This clears the undo history.</source>
        <translation>将“{0}”合并到“{1}”？它的 {2} 个标注和子标签将移到“{1}”下，“{0}”将被删除。此操作会清空撤销记录。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="439"/>
        <source>Import a label scheme</source>
        <translation>导入标签方案</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="439"/>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="461"/>
        <source>Label schemes (*.json)</source>
        <translation>标签方案 (*.json)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="459"/>
        <source>Export the label scheme</source>
        <translation>导出标签方案</translation>
    </message>
</context>
<context>
    <name>LabelScheme</name>
    <message>
        <location filename="../../desktop/core/labels.py" line="48"/>
        <source>a label name cannot hold control characters such as line breaks or tabs (it holds U+{0:04X})</source>
        <translation>标签名称不能含有换行符、制表符等控制字符（其中含有 U+{0:04X}）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/labels.py" line="54"/>
        <source>a label name is at most {0} characters long (this one has {1:,})</source>
        <translation>标签名称最多 {0} 个字符（此名称有 {1:,} 个）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/labels.py" line="118"/>
        <source>{0}: cannot be read ({1})</source>
        <translation>{0}：无法读取（{1}）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/labels.py" line="121"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/labels.py" line="142"/>
        <source>a label scheme is a JSON object with a list of labels</source>
        <translation>标签方案应是含有标签列表的 JSON 对象</translation>
    </message>
    <message>
        <location filename="../../desktop/core/labels.py" line="148"/>
        <source>the scheme {0}</source>
        <translation>方案{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/labels.py" line="204"/>
        <source>&quot;{0}&quot; must be a list</source>
        <translation>“{0}”必须是列表</translation>
    </message>
    <message>
        <location filename="../../desktop/core/labels.py" line="213"/>
        <source>every label in {0} needs a name</source>
        <translation>{0} 中的每个标签都需要名称</translation>
    </message>
    <message>
        <location filename="../../desktop/core/labels.py" line="218"/>
        <source>label &quot;{0}&quot;: a name cannot contain &quot;{1}&quot;, which separates a label from its parent in label paths</source>
        <translation>标签“{0}”：名称不能含有“{1}”，它在标签路径中分隔标签与其上级</translation>
    </message>
    <message>
        <location filename="../../desktop/core/labels.py" line="227"/>
        <source>label {0}: {1}</source>
        <translation>标签 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/labels.py" line="232"/>
        <source>label &quot;{0}&quot;: colour {1!r} is not #rrggbb</source>
        <translation>标签“{0}”：颜色 {1!r} 不是 #rrggbb 格式</translation>
    </message>
    <message>
        <location filename="../../desktop/core/labels.py" line="239"/>
        <source>label &quot;{0}&quot;: a shortcut is one letter or digit, not {1!r}</source>
        <translation>标签“{0}”：快捷键应为一个字母或数字，而不是 {1!r}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/labels.py" line="259"/>
        <source>every attribute needs a name</source>
        <translation>每个属性都需要名称</translation>
    </message>
    <message>
        <location filename="../../desktop/core/labels.py" line="264"/>
        <source>attribute &quot;{0}&quot;: kind must be one of {1}</source>
        <translation>属性“{0}”：kind 必须是 {1} 之一</translation>
    </message>
    <message>
        <location filename="../../desktop/core/labels.py" line="271"/>
        <source>attribute &quot;{0}&quot;: a choice needs values</source>
        <translation>属性“{0}”：选择型属性需要取值</translation>
    </message>
    <message>
        <location filename="../../desktop/core/labels.py" line="290"/>
        <source>label &quot;{0}&quot; appears twice under the same parent</source>
        <translation>标签“{0}”在同一上级下出现了两次</translation>
    </message>
    <message>
        <location filename="../../desktop/core/labels.py" line="298"/>
        <source>shortcut &quot;{0}&quot; is used by both &quot;{1}&quot; and &quot;{2}&quot;</source>
        <translation>快捷键“{0}”同时被“{1}”和“{2}”使用</translation>
    </message>
    <message>
        <location filename="../../desktop/core/labels.py" line="305"/>
        <source>attribute names must be unique</source>
        <translation>属性名称不能重复</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/shell/main_window.py" line="104"/>
        <location filename="../../desktop/ui/shell/main_window.py" line="577"/>
        <source>Tags</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/main_window.py" line="105"/>
        <location filename="../../desktop/ui/shell/main_window.py" line="578"/>
        <source>Entities</source>
        <translation>实体</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/main_window.py" line="107"/>
        <location filename="../../desktop/ui/shell/main_window.py" line="579"/>
        <source>Memos</source>
        <translation>备忘</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/main_window.py" line="111"/>
        <source>This project has no documents yet.

Import files with Ctrl+O (File &gt; Import files…), or drop files and folders on this window.</source>
        <translation>这个项目还没有文档。

按 Ctrl+O（文件 &gt; 导入文件…）导入，或把文件和文件夹拖到本窗口。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/main_window.py" line="343"/>
        <source>Document marked {0}</source>
        <translation>文档已标记为{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/main_window.py" line="402"/>
        <source>Go to tag</source>
        <translation>转到标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/main_window.py" line="403"/>
        <source>That document has been deleted: there is nothing to show.</source>
        <translation>该文档已被删除，无可显示。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/annotator.py" line="18"/>
        <source>Annotator</source>
        <translation>标注人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/annotator.py" line="19"/>
        <source>Your name, recorded with every tag you make:</source>
        <translation>您的姓名，将记录在您所做的每个标注上：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/main_window.py" line="550"/>
        <source>An import is running. Stop it and close? The documents imported so far are kept; the rest are not imported.</source>
        <translation>正在导入。停止导入并关闭吗？已导入的文档会保留，其余的不再导入。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/main_window.py" line="562"/>
        <source>Stopping the import, then closing…</source>
        <translation>正在停止导入，随后关闭…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/main_window.py" line="585"/>
        <source>About Jiyao</source>
        <translation>关于纪要</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/main_window.py" line="587"/>
        <source>&lt;h3&gt;Jiyao 纪要 {0}&lt;/h3&gt;&lt;p&gt;A reader and annotator for Chinese policy and meeting documents, in both scripts.&lt;/p&gt;&lt;p&gt;Project: {1}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;纪要 Jiyao {0}&lt;/h3&gt;&lt;p&gt;中文政策与会议文件的阅读与标注工具，简繁皆宜。&lt;/p&gt;&lt;p&gt;项目：{1}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/app.py" line="40"/>
        <source>No installed font covers Chinese, so Chinese text will show as boxes. Install one, e.g. on Debian/Ubuntu: sudo apt install fonts-noto-cjk (or fonts-wqy-microhei).</source>
        <translation>系统中没有支持中文的字体，中文将显示为方框。请安装一种，例如在 Debian/Ubuntu 上：sudo apt install fonts-noto-cjk（或 fonts-wqy-microhei）。</translation>
    </message>
</context>
<context>
    <name>MemoDocument</name>
    <message>
        <location filename="../../desktop/core/exports/memo_export.py" line="28"/>
        <source>Project journal</source>
        <translation>项目日志</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/memo_export.py" line="29"/>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/memo_export.py" line="30"/>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/memo_export.py" line="31"/>
        <source>Tags</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/memo_export.py" line="40"/>
        <source>Memos</source>
        <translation>备忘</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/memo_export.py" line="50"/>
        <source>The project has no memos yet.</source>
        <translation>本项目还没有备忘。</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/memo_export.py" line="69"/>
        <source>{0} (document {1})</source>
        <translation>{0}（文档 {1}）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/memo_export.py" line="76"/>
        <source>Tag {0}: {1}</source>
        <translation>标注 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/exports/memo_export.py" line="84"/>
        <source> (changed {0})</source>
        <translation>（{0} 修改）</translation>
    </message>
</context>
<context>
    <name>MemoEditor</name>
    <message>
        <location filename="../../desktop/ui/memos/memo_editor.py" line="55"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/memos/memo_editor.py" line="57"/>
        <source>Write here (Markdown: **bold**, - lists, # headings)</source>
        <translation>在此书写（Markdown：**粗体**、- 列表、# 标题）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/memos/memo_editor.py" line="59"/>
        <source>Write</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/memos/memo_editor.py" line="60"/>
        <source>Read</source>
        <translation>阅读</translation>
    </message>
</context>
<context>
    <name>Memos</name>
    <message>
        <location filename="../../desktop/ui/memos/commands.py" line="36"/>
        <source>write a memo</source>
        <translation>写备忘</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/memos/commands.py" line="59"/>
        <source>delete a memo</source>
        <translation>删除备忘</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/memos/commands.py" line="84"/>
        <source>edit a memo</source>
        <translation>编辑备忘</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/memos/commands.py" line="125"/>
        <source>edit a tag&apos;s memo</source>
        <translation>编辑标注的备忘</translation>
    </message>
</context>
<context>
    <name>MemosPanel</name>
    <message>
        <location filename="../../desktop/ui/memos/memo_panel.py" line="89"/>
        <source>This document</source>
        <translation>本文档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/memos/memo_panel.py" line="90"/>
        <source>A label</source>
        <translation>某个标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/memos/memo_panel.py" line="91"/>
        <source>The selected tag</source>
        <translation>所选标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/memos/memo_panel.py" line="98"/>
        <source>New memo</source>
        <translation>新备忘</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/memos/memo_panel.py" line="99"/>
        <source>Delete memo</source>
        <translation>删除备忘</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/memos/memo_panel.py" line="217"/>
        <source>No document is shown.</source>
        <translation>未显示文档。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/memos/memo_panel.py" line="218"/>
        <source>The project has no labels.</source>
        <translation>项目中没有标签。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/memos/memo_panel.py" line="219"/>
        <source>Select a tag in the Tags tab.</source>
        <translation>请在“标注”标签页中选择一个标注。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/memos/memo_panel.py" line="226"/>
        <source>{0}: “{1}” (a tag&apos;s memo is its note)</source>
        <translation>{0}：“{1}”（标注的备忘即其备注）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/memos/memo_panel.py" line="231"/>
        <source>Memos on the label, beside its definition in Edit &gt; Labels…</source>
        <translation>标签的备忘；其定义在“编辑 &gt; 标签…”中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/memos/memo_panel.py" line="290"/>
        <source>Memo not saved: {0}</source>
        <translation>备忘未保存：{0}</translation>
    </message>
</context>
<context>
    <name>PrepareDialog</name>
    <message>
        <location filename="../../desktop/ui/team/prepare_dialog.py" line="27"/>
        <source>Prepare coder projects</source>
        <translation>准备编码者项目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/prepare_dialog.py" line="29"/>
        <source>names, separated by spaces or commas</source>
        <translation>姓名，用空格或逗号分隔</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/prepare_dialog.py" line="34"/>
        <source>The share of documents every coder gets, for reliability</source>
        <translation>每位编码者都分到的文档比例，用于检验信度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/prepare_dialog.py" line="37"/>
        <source>The same seed gives the same split</source>
        <translation>同一种子得到同样的分配</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/prepare_dialog.py" line="39"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/prepare_dialog.py" line="50"/>
        <source>Coders:</source>
        <translation>编码者：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/prepare_dialog.py" line="51"/>
        <source>Shared by all:</source>
        <translation>共同部分：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/prepare_dialog.py" line="52"/>
        <source>Seed:</source>
        <translation>随机种子：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/prepare_dialog.py" line="53"/>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/prepare_dialog.py" line="70"/>
        <source>Folder for the coder projects</source>
        <translation>存放编码者项目的文件夹</translation>
    </message>
</context>
<context>
    <name>Project</name>
    <message>
        <location filename="../../desktop/core/store/backups.py" line="124"/>
        <source>cannot back up {0} into {1}: {2}</source>
        <translation>无法把 {0} 备份到 {1}：{2}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/backups.py" line="170"/>
        <source>{0} is a folder, not a backup: give a file `jiyao backups` lists</source>
        <translation>{0} 是文件夹，不是备份：请给出 `jiyao backups` 列出的文件</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/backups.py" line="175"/>
        <source>{0}: no such backup</source>
        <translation>{0}：没有这个备份</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/backups.py" line="186"/>
        <location filename="../../desktop/core/store/backups.py" line="193"/>
        <source>the backup {0} is damaged ({1})</source>
        <translation>备份 {0} 已损坏（{1}）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/backups.py" line="190"/>
        <source>{0} is not a Jiyao project</source>
        <translation>{0} 不是纪要项目</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/backups.py" line="206"/>
        <source>{0} is the project itself</source>
        <translation>{0} 就是项目本身</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/backups.py" line="209"/>
        <source>{0} is a folder, not a Jiyao project: give the project&apos;s file</source>
        <translation>{0} 是文件夹，不是纪要项目：请给出项目文件</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/backups.py" line="217"/>
        <source>{0} exists: restoring would replace it (add --force; it is backed up first)</source>
        <translation>{0} 已存在：恢复会替换它（加上 --force；替换前会先备份）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/base.py" line="82"/>
        <source>{0} is read-only: Jiyao needs to write to the project file and its folder</source>
        <translation>{0} 是只读的：纪要需要写入项目文件及其所在文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/base.py" line="89"/>
        <location filename="../../desktop/core/store/base.py" line="97"/>
        <location filename="../../desktop/core/store/schema.py" line="725"/>
        <source>the disk holding {0} is full: free some space, then try again</source>
        <translation>存放 {0} 的磁盘已满：请腾出空间后重试</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/base.py" line="103"/>
        <source>{0} is in use: another Jiyao process kept writing to it for {1:.0f} seconds; try again when it has finished</source>
        <translation>{0} 正在使用中：另一个纪要进程已连续写入 {1:.0f} 秒；请等它完成后重试</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/base.py" line="111"/>
        <location filename="../../desktop/core/store/schema.py" line="735"/>
        <source>permission denied for {0}</source>
        <translation>没有访问 {0} 的权限</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/base.py" line="139"/>
        <source>integrity check failed</source>
        <translation>完整性检查未通过</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/base.py" line="147"/>
        <source>cannot write in {0}: the folder is read-only or you lack permission (Jiyao keeps its journal beside {1})</source>
        <translation>无法写入 {0}：该文件夹是只读的或您没有权限（纪要的日志文件放在 {1} 旁边）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/base.py" line="155"/>
        <source>permission denied: cannot read {0}</source>
        <translation>没有权限：无法读取 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/base.py" line="157"/>
        <source>cannot open {0}</source>
        <translation>无法打开 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/base.py" line="283"/>
        <source>span [{0}, {1}) is outside document {2} (its clean text has {3} characters)</source>
        <translation>片段 [{0}, {1}) 超出文档 {2} 的范围（其清理后的文本有 {3} 个字符）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/documents.py" line="693"/>
        <source>the deleted documents ({0}) cannot be put back: a document imported since has the same id or the same text</source>
        <translation>无法恢复已删除的文档（{0}）：此后导入的某篇文档有相同的编号或相同的正文</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/documents.py" line="734"/>
        <source>a document&apos;s title cannot be empty</source>
        <translation>文档标题不能为空</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/documents.py" line="764"/>
        <source>a variable needs a name</source>
        <translation>变量需要一个名称</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/documents.py" line="767"/>
        <source>a title is each document&apos;s own: edit it in the document&apos;s details</source>
        <translation>标题属于每篇文档自己：请在文档详情里编辑</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/labels.py" line="31"/>
        <source>label {0!r}: {1}</source>
        <translation>标签 {0!r}：{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/labels.py" line="163"/>
        <source>at the top level</source>
        <translation>在顶层</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/labels.py" line="165"/>
        <source>under &quot;{0}&quot;</source>
        <translation>在“{0}”之下</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/labels.py" line="167"/>
        <source>a label named &quot;{0}&quot; already exists {1}</source>
        <translation>{1}已有名为“{0}”的标签</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/labels.py" line="194"/>
        <source>the key &quot;{0}&quot; already belongs to another label</source>
        <translation>按键“{0}”已属于另一个标签</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/labels.py" line="203"/>
        <source>a label cannot be moved under itself or its own sub-labels</source>
        <translation>标签不能移到它自身或它的子标签之下</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/labels.py" line="306"/>
        <source>a label cannot be merged into itself or one of its own sub-labels</source>
        <translation>标签不能合并到它自身或它的子标签中</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/schema.py" line="346"/>
        <source>; its backups: jiyao backups --db {0}</source>
        <translation>；查看其备份：jiyao backups --db {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/schema.py" line="394"/>
        <source>{0}: no such project</source>
        <translation>{0}：没有这个项目</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/documents.py" line="517"/>
        <location filename="../../desktop/core/store/schema.py" line="446"/>
        <source>{0} is damaged ({1}){2}</source>
        <translation>{0} 已损坏（{1}）{2}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/schema.py" line="454"/>
        <location filename="../../desktop/core/store/schema.py" line="738"/>
        <source>cannot open {0}: {1}</source>
        <translation>无法打开 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/schema.py" line="539"/>
        <source>{0} is damaged (integrity check: {1}){2}</source>
        <translation>{0} 已损坏（完整性检查：{1}）{2}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/schema.py" line="554"/>
        <source>{0} is an SQLite database of another program, not a Jiyao project</source>
        <translation>{0} 是其他程序的 SQLite 数据库，不是纪要项目</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/schema.py" line="567"/>
        <location filename="../../desktop/core/store/schema.py" line="605"/>
        <source>{0} was made by a newer Jiyao (schema {1}, this one knows {2})</source>
        <translation>{0} 由更新版本的纪要创建（结构版本 {1}，本版本只认识 {2}）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/schema.py" line="573"/>
        <source>{0} was made by an older Jiyao and must be updated, which needs writing: open it once where it can be written (it is read-only here)</source>
        <translation>{0} 由旧版本的纪要创建，需要升级，而升级需要写入：请在可写的位置打开它一次（此处为只读）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/schema.py" line="690"/>
        <source>{0} is a folder, not a Jiyao project</source>
        <translation>{0} 是文件夹，不是纪要项目</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/schema.py" line="694"/>
        <source>{0} is a pipe or a device, not a Jiyao project</source>
        <translation>{0} 是管道或设备，不是纪要项目</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/schema.py" line="705"/>
        <source>{0} is an empty file, not a Jiyao project</source>
        <translation>{0} 是空文件，不是纪要项目</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/schema.py" line="709"/>
        <source>{0} is not a Jiyao database (not an SQLite file)</source>
        <translation>{0} 不是纪要数据库（不是 SQLite 文件）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/schema.py" line="715"/>
        <source>{0} is read-only: Jiyao writes every change to the project at once</source>
        <translation>{0} 是只读的：纪要会把每处改动立即写入项目</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/schema.py" line="731"/>
        <source>{0} is on a read-only file system</source>
        <translation>{0} 位于只读文件系统上</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/memos.py" line="34"/>
        <source>no document {0}: the memo was not written</source>
        <translation>没有文档 {0}：备忘未写入</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/memos.py" line="35"/>
        <source>no label {0}: the memo was not written</source>
        <translation>没有标签 {0}：备忘未写入</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/memos.py" line="36"/>
        <source>no tag {0}: the memo was not written</source>
        <translation>没有标注 {0}：备忘未写入</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/memos.py" line="62"/>
        <source>the memo&apos;s text is empty</source>
        <translation>备忘正文为空</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/memos.py" line="92"/>
        <source>a memo on the project names no target id</source>
        <translation>项目上的备忘不指定对象编号</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/memos.py" line="109"/>
        <source>tag {0}: a tag&apos;s memo is its note, written by the tag&apos;s annotator ({1}), not {2}</source>
        <translation>标注 {0}：标注的备忘就是它的备注，由该标注的标注人（{1}）撰写，而不是 {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/memos.py" line="113"/>
        <source>nobody</source>
        <translation>无人</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/memos.py" line="140"/>
        <source>no memo {0}</source>
        <translation>没有备忘 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/memos.py" line="149"/>
        <source>no tag {0}</source>
        <translation>没有标注 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/memos.py" line="179"/>
        <source>the memo&apos;s text is empty: delete the memo instead</source>
        <translation>备忘正文为空：请改为删除该备忘</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/memos.py" line="205"/>
        <source>a tag&apos;s memo is restored with its tag</source>
        <translation>标注的备忘随其标注一起恢复</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/memos.py" line="298"/>
        <location filename="../../desktop/core/store/memos.py" line="317"/>
        <source>no label {0}</source>
        <translation>没有标签 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/memos.py" line="331"/>
        <source>no tag {0} to pin as the example</source>
        <translation>没有可设为示例的标注 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/memos.py" line="335"/>
        <source>tag {0} carries another label: it cannot be its example</source>
        <translation>标注 {0} 带有另一个标签：不能作为此标签的示例</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/memos.py" line="425"/>
        <source>a memo goes on {0}, not {1!r}</source>
        <translation>备忘只能附在 {0} 上，不能附在 {1!r} 上</translation>
    </message>
</context>
<context>
    <name>ProjectSwitcher</name>
    <message>
        <location filename="../../desktop/ui/shell/projects.py" line="52"/>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/projects.py" line="54"/>
        <source>Jiyao projects (*.jiyao)</source>
        <translation>纪要项目 (*.jiyao)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/projects.py" line="71"/>
        <source>{0} already exists. Choose another name, or open it with Open project.</source>
        <translation>{0} 已存在。请换一个名称，或用“打开项目”打开它。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/projects.py" line="80"/>
        <source>Open a project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/projects.py" line="82"/>
        <source>Jiyao projects (*.jiyao);;All files (*)</source>
        <translation>纪要项目 (*.jiyao);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/projects.py" line="96"/>
        <source>Wait for the running import or export to finish, then open {0}</source>
        <translation>请等正在进行的导入或导出完成后再打开 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/projects.py" line="134"/>
        <source>The files you chose open once this dialog is closed or the running job is done</source>
        <translation>关闭此对话框或当前任务完成后，将打开您选择的文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/projects.py" line="141"/>
        <source>{0} (missing)</source>
        <translation>{0}（文件不存在）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/projects.py" line="145"/>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/projects.py" line="156"/>
        <source>The project {0} is missing: it was moved or deleted, or its drive is not connected. Remove it from the recent projects?</source>
        <translation>项目 {0} 不存在：它已被移动或删除，或其所在的磁盘未连接。要从最近的项目中移除吗？</translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <location filename="../../desktop/ui/reading/reader.py" line="166"/>
        <source>Raw text</source>
        <translation>原始文本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reading/reader.py" line="168"/>
        <source>Show the text as imported, with removed artefacts struck out</source>
        <translation>显示导入时的文本，已清除的杂质以删除线标出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reading/reader.py" line="170"/>
        <source>Automatic (the other script)</source>
        <translation>自动（转为另一种简繁写法）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reading/reader.py" line="175"/>
        <source>Mark changes</source>
        <translation>标出改动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reading/reader.py" line="176"/>
        <source>Underline what the conversion changed</source>
        <translation>为转换改动的字加下划线</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reading/reader.py" line="195"/>
        <source>Converting…</source>
        <translation>正在转换…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reading/reader.py" line="198"/>
        <source>Converted with {0}</source>
        <translation>已转换：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reading/reader.py" line="589"/>
        <source>A disagreement between coders</source>
        <translation>编码员之间的分歧</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reading/reader.py" line="613"/>
        <source>Removed when cleaning</source>
        <translation>清理时删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reading/reader.py" line="620"/>
        <source>Changed by the conversion</source>
        <translation>经转换改动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reading/reader.py" line="639"/>
        <source>Script: {0} · conversion: {1} · {2}</source>
        <translation>简繁：{0} · 转换：{1} · {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reading/reader.py" line="177"/>
        <source>Find in document (either script)</source>
        <translation>在文中查找（简繁皆可）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reading/reader.py" line="179"/>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reading/reader.py" line="180"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reading/reader.py" line="178"/>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reading/reader.py" line="182"/>
        <location filename="../../desktop/ui/reading/reader.py" line="692"/>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../../desktop/ui/team/review_dialog.py" line="58"/>
        <source>Review disagreements</source>
        <translation>审阅分歧</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/review_dialog.py" line="60"/>
        <source>The annotator name of the adjudicated layer</source>
        <translation>裁定层的标注人名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/review_dialog.py" line="72"/>
        <source>Take %1&apos;s (Alt+%2)</source>
        <translation>采用 %1 的 (Alt+%2)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/review_dialog.py" line="79"/>
        <source>No tag here (Alt+0)</source>
        <translation>此处不标注 (Alt+0)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/review_dialog.py" line="83"/>
        <source>Next (F8)</source>
        <translation>下一处 (F8)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/review_dialog.py" line="92"/>
        <source>Adjudicated layer:</source>
        <translation>裁定层：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/review_dialog.py" line="96"/>
        <source>Copy the tags of the places where every coder agreed (with the first coder&apos;s attributes) into the adjudicated layer</source>
        <translation>把所有编码员一致之处的标注(带第一位编码员的属性)复制到裁定层</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/team/review_dialog.py" line="177"/>
        <source>%n disagreement(s) to decide</source>
        <translation>
            <numerusform>待裁定分歧 %n 处</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/team/review_dialog.py" line="179"/>
        <source>%n place(s) agreed</source>
        <translation>
            <numerusform>一致 %n 处</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/team/review_dialog.py" line="182"/>
        <source>Take the agreed tags (%n place(s))</source>
        <translation>
            <numerusform>采用一致的标注(%n 处)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/review_dialog.py" line="190"/>
        <source>Every disagreement is decided.</source>
        <translation>所有分歧均已裁定。</translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <location filename="../../desktop/core/search_query.py" line="165"/>
        <source>{0}: NEAR/ takes a number of characters, as in NEAR/10</source>
        <translation>{0}：NEAR/ 后面应是字符数，如 NEAR/10</translation>
    </message>
</context>
<context>
    <name>SearchIndexBuilder</name>
    <message>
        <location filename="../../desktop/ui/analysis/index_building.py" line="51"/>
        <source>Indexing for search</source>
        <translation>为搜索建立索引</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/index_building.py" line="52"/>
        <source>Indexing the project for search (once)…</source>
        <translation>正在为搜索建立项目索引（仅此一次）…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/analysis/index_building.py" line="53"/>
        <source>%n document(s) indexed</source>
        <translation>
            <numerusform>已索引 %n 篇文档</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/analysis/index_building.py" line="65"/>
        <source>Indexed for search: %n document(s)</source>
        <translation>
            <numerusform>已为搜索建立索引：%n 篇文档</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/index_building.py" line="73"/>
        <source>Search index not built: {0}</source>
        <translation>搜索索引未建立：{0}</translation>
    </message>
</context>
<context>
    <name>SegmentsModel</name>
    <message>
        <location filename="../../desktop/ui/analysis/segments_view.py" line="53"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/segments_view.py" line="54"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/segments_view.py" line="55"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/segments_view.py" line="56"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/segments_view.py" line="57"/>
        <source>Attributes</source>
        <translation>属性</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/segments_view.py" line="58"/>
        <source>Annotator</source>
        <translation>标注人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/segments_view.py" line="59"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/segments_view.py" line="60"/>
        <source>Document variables</source>
        <translation>文档变量</translation>
    </message>
</context>
<context>
    <name>SegmentsView</name>
    <message>
        <location filename="../../desktop/ui/analysis/segments_view.py" line="68"/>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/segments_view.py" line="69"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/segments_view.py" line="70"/>
        <source>HTML report (*.html)</source>
        <translation>HTML 报告 (*.html)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/segments_view.py" line="71"/>
        <source>Markdown report (*.md)</source>
        <translation>Markdown 报告 (*.md)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/segments_view.py" line="72"/>
        <source>Word report (*.docx)</source>
        <translation>Word 报告 (*.docx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/segments_view.py" line="230"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/segments_view.py" line="231"/>
        <source>Where</source>
        <translation>条件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/segments_view.py" line="232"/>
        <source>Add condition</source>
        <translation>添加条件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/segments_view.py" line="233"/>
        <source>Clear filter</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/segments_view.py" line="234"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/segments_view.py" line="236"/>
        <location filename="../../desktop/ui/analysis/segments_view.py" line="254"/>
        <source>(every label)</source>
        <translation>（所有标签）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/segments_view.py" line="328"/>
        <source>Tags not filtered: {0}</source>
        <translation>未能筛选标注：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/segments_view.py" line="380"/>
        <source>Coded segments</source>
        <translation>编码片段</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/segments_view.py" line="406"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/segments_view.py" line="408"/>
        <source>Remove this condition</source>
        <translation>移除此条件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/segments_view.py" line="418"/>
        <source>Reading the tags…</source>
        <translation>正在读取标注…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/segments_view.py" line="420"/>
        <source>Filtering…</source>
        <translation>正在筛选…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/analysis/segments_view.py" line="422"/>
        <source>Exporting %n tag(s)…</source>
        <translation>
            <numerusform>正在导出 %n 个标注…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/analysis/segments_view.py" line="424"/>
        <source>%n tag(s)</source>
        <translation>
            <numerusform>%n 个标注</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/segments_view.py" line="437"/>
        <location filename="../../desktop/ui/analysis/segments_view.py" line="478"/>
        <source>Export coded segments</source>
        <translation>导出编码片段</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/segments_view.py" line="477"/>
        <source>Could not write {0}: {1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
</context>
<context>
    <name>SetVariableDialog</name>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_actions.py" line="155"/>
        <source>Set a variable</source>
        <translation>设置变量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_actions.py" line="157"/>
        <source>e.g. source, date, 栏目</source>
        <translation>例如 source、date、栏目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_actions.py" line="159"/>
        <source>empty: remove the variable</source>
        <translation>留空：删除该变量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_actions.py" line="161"/>
        <source>Variable:</source>
        <translation>变量：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_actions.py" line="162"/>
        <source>Value:</source>
        <translation>值：</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/corpus/corpus_actions.py" line="169"/>
        <source>For %n document(s):</source>
        <translation>
            <numerusform>对 %n 个文档：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../desktop/ui/shell/app.py" line="98"/>
        <source>The last project, {0}, no longer exists: opened the default project instead.</source>
        <translation>上次的项目 {0} 已不存在，已改为打开默认项目。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/app.py" line="136"/>
        <source>The last project would not open ({0}): opened the default project instead.</source>
        <translation>上次的项目无法打开（{0}），已改为打开默认项目。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/projects.py" line="249"/>
        <source>{0}

Open its newest backup, made {1}, instead? The damaged file is kept with the backups in {2}.</source>
        <translation>{0}

改为打开它最新的备份(制作于 {1})吗?损坏的文件会与备份一起保存在 {2}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/app.py" line="240"/>
        <source>Jiyao is already running but does not answer. Close it, then try again.</source>
        <translation>纪要已在运行，但没有响应。请先关闭它，再试一次。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/crash_log.py" line="67"/>
        <source>This part of the project cannot be read: the file is damaged ({0}). Nothing is written to it; `jiyao backups` lists its backups.</source>
        <translation>项目的这一部分无法读取：文件已损坏（{0}）。不会向其写入任何内容；`jiyao backups` 列出它的备份。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/crash_log.py" line="72"/>
        <source>Something went wrong: {0}

The details are in the log file. Your tags are saved as you make them.</source>
        <translation>出错了：{0}

详情见日志文件。您的标注在添加时已经保存。</translation>
    </message>
</context>
<context>
    <name>TagActions</name>
    <message>
        <location filename="../../desktop/ui/tagging/tag_actions.py" line="110"/>
        <source>Select some text to tag first</source>
        <translation>请先选择要标注的文字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/tag_actions.py" line="113"/>
        <source>The selection holds no text of the document</source>
        <translation>所选内容不含文档正文</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/tag_actions.py" line="138"/>
        <source>Not tagged: tags record who made them, and no name was given</source>
        <translation>未标注：标注要记录标注人，但没有输入姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/tag_actions.py" line="149"/>
        <source>Tag with label</source>
        <translation>用标签标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/tag_actions.py" line="149"/>
        <source>Label:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/tag_actions.py" line="158"/>
        <source>No label matches {0}</source>
        <translation>没有与 {0} 匹配的标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/tag_actions.py" line="203"/>
        <source>Tag with</source>
        <translation>标注为</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/tag_actions.py" line="215"/>
        <source>Mark as entity…</source>
        <translation>标为实体…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/tag_actions.py" line="224"/>
        <source>Select the missing entity first</source>
        <translation>请先选择漏掉的实体</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/tag_actions.py" line="229"/>
        <source>Entity type</source>
        <translation>实体类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/tag_actions.py" line="229"/>
        <source>Type:</source>
        <translation>类型：</translation>
    </message>
</context>
<context>
    <name>TagBrowser</name>
    <message>
        <location filename="../../desktop/ui/tagging/tag_browser.py" line="99"/>
        <source>Tags in the corpus</source>
        <translation>语料中的标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/tag_browser.py" line="104"/>
        <source>This document only</source>
        <translation>仅本文档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/tag_browser.py" line="115"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/tag_browser.py" line="116"/>
        <source>Annotator</source>
        <translation>标注人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/tag_browser.py" line="117"/>
        <source>Issuer</source>
        <translation>发出者</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/tag_browser.py" line="134"/>
        <source>(all)</source>
        <translation>（全部）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/tag_browser.py" line="144"/>
        <source>(nobody)</source>
        <translation>（无人）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/tagging/tag_browser.py" line="157"/>
        <source>%n tag(s)</source>
        <translation>
            <numerusform>%n 个标签</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagCounts</name>
    <message>
        <location filename="../../desktop/ui/analysis/counts.py" line="191"/>
        <source>Tag counts</source>
        <translation>标注计数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/counts.py" line="192"/>
        <source>Counting…</source>
        <translation>正在计数…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/counts.py" line="202"/>
        <source>tags</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/counts.py" line="203"/>
        <source>documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/counts.py" line="204"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/counts.py" line="208"/>
        <source>Rows</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/counts.py" line="208"/>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/counts.py" line="208"/>
        <source>Count</source>
        <translation>计数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/counts.py" line="156"/>
        <location filename="../../desktop/ui/analysis/counts.py" line="195"/>
        <source>Cross table</source>
        <translation>交叉表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/counts.py" line="157"/>
        <location filename="../../desktop/ui/analysis/counts.py" line="196"/>
        <source>Co-occurrence</source>
        <translation>共现</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/counts.py" line="159"/>
        <location filename="../../desktop/ui/analysis/counts.py" line="197"/>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/counts.py" line="162"/>
        <location filename="../../desktop/ui/analysis/counts.py" line="198"/>
        <source>Coded segments</source>
        <translation>编码片段</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/counts.py" line="227"/>
        <source>label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/counts.py" line="228"/>
        <source>document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/counts.py" line="229"/>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/counts.py" line="230"/>
        <source>annotator</source>
        <translation>标注者</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/counts.py" line="231"/>
        <source>issuer</source>
        <translation>发出者</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/counts.py" line="232"/>
        <source>addressee</source>
        <translation>接受者</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/counts.py" line="233"/>
        <source>strength</source>
        <translation>强度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/counts.py" line="234"/>
        <source>deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/counts.py" line="235"/>
        <source>year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/counts.py" line="236"/>
        <source>quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/counts.py" line="237"/>
        <source>month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/counts.py" line="238"/>
        <source>source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/counts.py" line="239"/>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/counts.py" line="245"/>
        <source>total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/counts.py" line="247"/>
        <location filename="../../desktop/ui/analysis/counts.py" line="350"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/counts.py" line="335"/>
        <source>Tags not counted again: {0}</source>
        <translation>未能重新统计标签：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/counts.py" line="419"/>
        <source>Tags not read: {0}</source>
        <translation>未能读取标注：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/counts.py" line="467"/>
        <location filename="../../desktop/ui/analysis/counts.py" line="474"/>
        <source>Export counts</source>
        <translation>导出计数</translation>
    </message>
</context>
<context>
    <name>TagHits</name>
    <message>
        <location filename="../../desktop/ui/analysis/tag_hits.py" line="39"/>
        <source>tag %n search hit(s)</source>
        <translation>标注 %n 处搜索命中</translation>
    </message>
</context>
<context>
    <name>TagTableModel</name>
    <message>
        <location filename="../../desktop/ui/tagging/tag_browser.py" line="39"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/tag_browser.py" line="40"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/tag_browser.py" line="41"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/tag_browser.py" line="42"/>
        <source>Issuer</source>
        <translation>发出者</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/tag_browser.py" line="43"/>
        <source>Strength</source>
        <translation>强度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/tag_browser.py" line="44"/>
        <source>Annotator</source>
        <translation>标注人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/tag_browser.py" line="45"/>
        <source>Changed</source>
        <translation>修改时间</translation>
    </message>
</context>
<context>
    <name>Tagging</name>
    <message>
        <location filename="../../desktop/ui/tagging/commands.py" line="51"/>
        <source>tag {0}–{1}</source>
        <translation>标注 {0}–{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/commands.py" line="88"/>
        <source>delete tag {0}–{1}</source>
        <translation>删除标签 {0}–{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/commands.py" line="116"/>
        <source>change tag {0}–{1}</source>
        <translation>修改标签 {0}–{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/commands.py" line="160"/>
        <source>correct entities</source>
        <translation>更正实体</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/commands.py" line="198"/>
        <source>reject suggestion {0}–{1}</source>
        <translation>拒绝建议 {0}–{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/undo_stack.py" line="47"/>
        <source>{0} in {1}</source>
        <translation>{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/undo_stack.py" line="71"/>
        <source>Undone: {0}</source>
        <translation>已撤销：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/undo_stack.py" line="73"/>
        <source>Redone: {0}</source>
        <translation>已重做：{0}</translation>
    </message>
</context>
<context>
    <name>TagsModel</name>
    <message>
        <location filename="../../desktop/ui/analysis/count_models.py" line="97"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/count_models.py" line="98"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/analysis/count_models.py" line="99"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
</context>
<context>
    <name>TaskProgress</name>
    <message>
        <location filename="../../desktop/ui/common/progress.py" line="38"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Team</name>
    <message>
        <location filename="../../desktop/core/team.py" line="53"/>
        <source>agreement compares two or more annotators; only {0} was chosen (annotators with tags here: {1})</source>
        <translation>一致性需要比较两位或更多标注者；只选择了 {0}（本项目中有标注的标注者：{1}）</translation>
    </message>
    <message>
        <location filename="../../desktop/core/team.py" line="61"/>
        <source>agreement needs two annotators with tags; this project has {0}</source>
        <translation>一致性需要两位有标注的标注者；本项目只有：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/core/team.py" line="117"/>
        <source>{0} was given no document</source>
        <translation>{0} 没有分到文档</translation>
    </message>
    <message>
        <location filename="../../desktop/core/team.py" line="123"/>
        <source>no document is given to every coder, so their agreement cannot be measured: raise the overlap</source>
        <translation>没有一篇文档分给了每位编码员，无法计算他们的一致性：请提高重叠比例</translation>
    </message>
    <message>
        <location filename="../../desktop/core/team.py" line="281"/>
        <source>this is the team project itself</source>
        <translation>这就是团队项目本身</translation>
    </message>
    <message>
        <location filename="../../desktop/core/team.py" line="293"/>
        <source>{0} is {1}&apos;s project too</source>
        <translation>{0} 也是 {1} 的项目</translation>
    </message>
    <message>
        <location filename="../../desktop/core/team.py" line="302"/>
        <source>{0} has no tags yet</source>
        <translation>{0} 还没有标注</translation>
    </message>
    <message>
        <location filename="../../desktop/core/team.py" line="313"/>
        <source>{0} holds tags by {1} too</source>
        <translation>{0} 里也有 {1} 的标注</translation>
    </message>
    <message>
        <location filename="../../desktop/core/team.py" line="384"/>
        <source>the coders {0} were given no document in common: nothing to compare</source>
        <translation>编码者 {0} 没有共同分到的文档：无可比较</translation>
    </message>
    <message>
        <location filename="../../desktop/core/store/team.py" line="60"/>
        <source>cannot read {0}: {1}</source>
        <translation>无法读取 {0}：{1}</translation>
    </message>
</context>
<context>
    <name>TeamActions</name>
    <message>
        <location filename="../../desktop/ui/team/team_actions.py" line="76"/>
        <source>Cancelled: no coder project was written.</source>
        <translation>已取消：未写出任何编码者项目。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/team_actions.py" line="90"/>
        <location filename="../../desktop/ui/team/team_actions.py" line="106"/>
        <source>Prepare coder projects</source>
        <translation>准备编码者项目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/team_actions.py" line="91"/>
        <source>Writing the coder projects…</source>
        <translation>正在写出编码者项目…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/team_actions.py" line="93"/>
        <source>%1 (%2 of %3)</source>
        <translation>%1（第 %2 个，共 %3 个）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/team/team_actions.py" line="115"/>
        <source>%n coder project(s) written: send each coder their file.</source>
        <translation>
            <numerusform>已写出 %n 个编码者项目：请把各自的文件发给每位编码者。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/team_actions.py" line="117"/>
        <source>%1: %2 documents (%3 shared) in %4</source>
        <translation>%1：%2 篇文档（共同 %3 篇），位于 %4</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/team_actions.py" line="132"/>
        <source>Merge coder projects</source>
        <translation>合并编码者项目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/team_actions.py" line="134"/>
        <source>Jiyao projects (*.jiyao)</source>
        <translation>纪要项目 (*.jiyao)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/team_actions.py" line="148"/>
        <source>Cancelled: nothing was merged.</source>
        <translation>已取消：未合并任何内容。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/team_actions.py" line="157"/>
        <location filename="../../desktop/ui/team/team_actions.py" line="178"/>
        <location filename="../../desktop/ui/team/team_actions.py" line="183"/>
        <source>Merge projects</source>
        <translation>合并项目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/team_actions.py" line="163"/>
        <source>Reading the coder projects…</source>
        <translation>正在读取编码者项目…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/team_actions.py" line="165"/>
        <source>%1 (%2 of %3 steps)</source>
        <translation>%1（第 %2 步，共 %3 步）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/team_actions.py" line="188"/>
        <source>Nothing was merged: fix or leave out these files, then merge again.</source>
        <translation>未合并任何内容：请修正或去掉这些文件，然后重新合并。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/team_actions.py" line="200"/>
        <source>%1 (%2): %3 tags added, %4 already here; %5 documents added</source>
        <translation>%1（%2）：新增标注 %3 条，已有 %4 条；新增文档 %5 篇</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/team/team_actions.py" line="208"/>
        <source>%n memo(s) added</source>
        <translation>
            <numerusform>添加了 %n 条备忘</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/team/team_actions.py" line="210"/>
        <source>%n project(s) merged.</source>
        <translation>
            <numerusform>已合并 %n 个项目。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UndoFailure</name>
    <message>
        <location filename="../../desktop/ui/common/undo_failure.py" line="24"/>
        <source>Could not undo: {0}. The undo history is cleared.</source>
        <translation>无法撤销：{0}。撤销记录已清空。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/undo_failure.py" line="29"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="98"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="99"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="100"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="101"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="102"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="103"/>
        <source>&amp;About Jiyao</source>
        <translation>关于纪要(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="126"/>
        <source>&amp;Import files…</source>
        <translation>导入文件(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="127"/>
        <source>Import &amp;folder…</source>
        <translation>导入文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="128"/>
        <source>Import analysis res&amp;ults…</source>
        <translation>导入分析结果(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="129"/>
        <source>Import &amp;annotated set…</source>
        <translation>导入标注集(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="130"/>
        <source>Import annotated &amp;brat folder…</source>
        <translation>导入 brat 标注文件夹(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="131"/>
        <source>Import co&amp;debook…</source>
        <translation>导入编码本(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="132"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="133"/>
        <source>Export &amp;codebook…</source>
        <translation>导出编码本(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="136"/>
        <source>&amp;Prepare coder projects…</source>
        <translation>准备编码者项目(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="137"/>
        <source>&amp;Merge projects…</source>
        <translation>合并项目(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="138"/>
        <source>Inter-coder a&amp;greement…</source>
        <translation>编码者间一致性(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="139"/>
        <source>Re&amp;view disagreements…</source>
        <translation>审阅分歧(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="141"/>
        <source>&amp;New project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="142"/>
        <source>&amp;Open project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="143"/>
        <source>&amp;Recent projects</source>
        <translation>最近的项目(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="146"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="150"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="152"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="159"/>
        <source>&amp;Tag selection with label…</source>
        <translation>用标签标注所选(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="161"/>
        <source>Extend tag end</source>
        <translation>延长标注结尾</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="162"/>
        <source>Shrink tag end</source>
        <translation>缩短标注结尾</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="163"/>
        <source>Extend tag start</source>
        <translation>提前标注开头</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="164"/>
        <source>Shrink tag start</source>
        <translation>推后标注开头</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="169"/>
        <source>Mark selection as &amp;entity…</source>
        <translation>将所选标为实体(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="170"/>
        <source>Mark document &amp;done</source>
        <translation>标记文档已完成(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="171"/>
        <source>Annotator &amp;name…</source>
        <translation>标注人姓名(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="172"/>
        <source>&amp;Labels…</source>
        <translation>标签(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="173"/>
        <source>Tags in the &amp;corpus…</source>
        <translation>语料中的标注(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="174"/>
        <source>&amp;Journal…</source>
        <translation>日志(&amp;J)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="175"/>
        <source>Tag c&amp;ounts…</source>
        <translation>标注计数(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="176"/>
        <source>Coded se&amp;gments…</source>
        <translation>编码片段(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="180"/>
        <source>&amp;Previous document</source>
        <translation>上一篇(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="181"/>
        <source>&amp;Next document</source>
        <translation>下一篇(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="184"/>
        <source>&amp;Find in document…</source>
        <translation>在文中查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="186"/>
        <source>Find ne&amp;xt</source>
        <translation>查找下一个(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="188"/>
        <source>Filter &amp;documents</source>
        <translation>筛选文档(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="189"/>
        <source>&amp;Search the corpus…</source>
        <translation>搜索语料库(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="193"/>
        <source>&amp;Raw text with removed artefacts</source>
        <translation>显示原始文本及已清除的杂质(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="199"/>
        <source>&amp;Mark characters the conversion changed</source>
        <translation>标出转换改动的字(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="203"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
</context>
</TS>
