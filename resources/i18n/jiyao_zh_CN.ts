<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Adjudication</name>
    <message>
        <location filename="../../desktop/ui/team/commands.py" line="31"/>
        <source>adjudicate {0}–{1}</source>
        <translation>裁定 {0}–{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/commands.py" line="73"/>
        <source>no tag at {0}–{1}</source>
        <translation>{0}–{1} 不标注</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="52"/>
        <source>Inter-coder agreement</source>
        <translation>编码者间一致性</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="69"/>
        <source>Pairs</source>
        <translation>两两比较</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="70"/>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="71"/>
        <source>Pairs by label</source>
        <translation>按标签两两比较</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="72"/>
        <source>Attributes</source>
        <translation>属性</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="73"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="77"/>
        <source>Review disagreements…</source>
        <translation>审阅分歧…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="120"/>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="146"/>
        <source>%n document(s) compared.</source>
        <translation>
            <numerusform>比较了 %n 篇文档。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="147"/>
        <source>Krippendorff&apos;s alpha (character units): %1</source>
        <translation>Krippendorff α（以字为单位）：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="150"/>
        <source>Unitizing alpha: %1</source>
        <translation>单元化 α：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="152"/>
        <source>Fleiss&apos; kappa: %1</source>
        <translation>Fleiss κ：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="157"/>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="158"/>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="193"/>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="194"/>
        <source>Annotator</source>
        <translation>标注人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="159"/>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="196"/>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="208"/>
        <source>Cohen&apos;s kappa</source>
        <translation>Cohen κ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="160"/>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="174"/>
        <source>Alpha</source>
        <translation>α</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="161"/>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="176"/>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="197"/>
        <source>F1 exact</source>
        <translation>F1（完全一致）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="162"/>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="177"/>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="198"/>
        <source>F1 overlap</source>
        <translation>F1（重叠）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="173"/>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="195"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="175"/>
        <source>Unitizing alpha</source>
        <translation>单元化 α</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="208"/>
        <source>Attribute</source>
        <translation>属性</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="208"/>
        <source>Agreement</source>
        <translation>一致率</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="209"/>
        <source>Matched tags</source>
        <translation>匹配的标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="221"/>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="230"/>
        <source>Export agreement</source>
        <translation>导出一致性</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="221"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="231"/>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="236"/>
        <source>Agreement saved to %1</source>
        <translation>一致性已保存到 %1</translation>
    </message>
</context>
<context>
    <name>AnnotatedImportReportDialog</name>
    <message>
        <location filename="../../desktop/ui/exchange/exporting.py" line="289"/>
        <source>Import report</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exporting.py" line="284"/>
        <source>Not imported: {0}</source>
        <translation>未导入：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exporting.py" line="297"/>
        <source>{0}: {1} new documents, {2} already in the project, {3} tags added, {4} already present.</source>
        <translation>{0}：新文档 {1} 篇，项目中已有 {2} 篇，新增标注 {3} 条，已存在 {4} 条。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exporting.py" line="309"/>
        <source>{0} sets imported: {1} new documents, {2} already in the project, {3} tags added, {4} already present.</source>
        <translation>已导入 {0} 个标注集：新文档 {1} 篇，项目中已有 {2} 篇，新增标注 {3} 条，已存在 {4} 条。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exporting.py" line="323"/>
        <source>Labels added to the scheme: {0}</source>
        <translation>已加入标签方案的标签：{0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/exchange/exporting.py" line="328"/>
        <source>%n tag(s) already present with another note or attributes: not changed</source>
        <translation>
            <numerusform>%n 个已有标注的批注或属性不同：未修改</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/exchange/exporting.py" line="336"/>
        <source>%n tag(s) already present given the set&apos;s note and attributes</source>
        <translation>
            <numerusform>%n 个已有标注已改用标注集中的批注和属性</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exporting.py" line="341"/>
        <source>Skipped: {0}</source>
        <translation>已跳过：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exporting.py" line="292"/>
        <source>Refused records: {0}</source>
        <translation>未导入的记录：{0} 条</translation>
    </message>
</context>
<context>
    <name>AnnotationPanel</name>
    <message>
        <location filename="../../desktop/ui/tagging/annotation_panel.py" line="201"/>
        <location filename="../../desktop/ui/tagging/annotation_panel.py" line="202"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/annotation_panel.py" line="202"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
</context>
<context>
    <name>CorpusActions</name>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_actions.py" line="53"/>
        <source>delete %n document(s)</source>
        <translation>删除 %n 篇文档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_actions.py" line="88"/>
        <source>edit the details of &quot;{0}&quot;</source>
        <translation>编辑“{0}”的信息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_actions.py" line="169"/>
        <source>Delete &quot;{0}&quot; and its {1} from the project? Edit &gt; Undo brings it back.</source>
        <translation>从项目中删除“{0}”及其 {1}？“编辑 &gt; 撤销”可以恢复。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/corpus/corpus_actions.py" line="170"/>
        <location filename="../../desktop/ui/corpus/corpus_actions.py" line="174"/>
        <source>%n tag(s)</source>
        <translation>
            <numerusform>%n 个标注</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_actions.py" line="173"/>
        <source>Delete {0} documents and their {1} from the project? Edit &gt; Undo brings them back.</source>
        <translation>从项目中删除 {0} 篇文档及其 {1}？“编辑 &gt; 撤销”可以恢复。</translation>
    </message>
    <message>
        <source>Delete &quot;{0}&quot; and its {1} tags from the project? Edit &gt; Undo brings it back.</source>
        <translation type="vanished">从项目中删除“{0}”及其 {1} 个标注？“编辑 &gt; 撤销”可以恢复。</translation>
    </message>
    <message>
        <source>Delete {0} documents and their {1} tags from the project? Edit &gt; Undo brings them back.</source>
        <translation type="vanished">从项目中删除 {0} 篇文档及其 {1} 个标注？“编辑 &gt; 撤销”可以恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_actions.py" line="212"/>
        <source>Not changed: a document needs a title.</source>
        <translation>未修改：文档必须有标题。</translation>
    </message>
</context>
<context>
    <name>CorpusList</name>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_list.py" line="49"/>
        <source>Filter by title or text, either script</source>
        <translation>按标题或正文筛选（简繁皆可）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_list.py" line="56"/>
        <source>&amp;Delete document…</source>
        <translation>删除文档(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_list.py" line="62"/>
        <source>&amp;Edit title, source and date…</source>
        <translation>编辑标题、来源和日期(&amp;E)…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/corpus/corpus_list.py" line="123"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n 篇文档</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} documents</source>
        <translation type="vanished">{0} 篇文档</translation>
    </message>
</context>
<context>
    <name>DirectiveSuggestions</name>
    <message>
        <location filename="../../desktop/ui/tagging/directive_suggestions.py" line="97"/>
        <source>Suggested directive ({0}): Enter accepts, Delete rejects, Tab goes on</source>
        <translation>建议的指令（{0}）：回车接受，Delete 拒绝，Tab 下一条</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/directive_suggestions.py" line="131"/>
        <source>No suggestions left in this document</source>
        <translation>本文档没有剩余建议</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/directive_suggestions.py" line="137"/>
        <source>Suggestion {0} of {1}: {2}, {3}</source>
        <translation>建议 {0}/{1}：{2}，{3}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/directive_suggestions.py" line="140"/>
        <source>no issuer</source>
        <translation>无发出者</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/directive_suggestions.py" line="159"/>
        <source>Not tagged: the project has no labels (Edit &gt; Labels)</source>
        <translation>未标注：项目还没有标签（编辑 &gt; 标签）</translation>
    </message>
</context>
<context>
    <name>DisplayNames</name>
    <message>
        <location filename="../../desktop/ui/common/display_names.py" line="15"/>
        <source>Traditional to Simplified</source>
        <translation>繁体转简体</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/display_names.py" line="16"/>
        <source>Traditional (Taiwan) to Simplified</source>
        <translation>繁体（台湾）转简体</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/display_names.py" line="17"/>
        <source>Traditional (Taiwan) to Simplified, with Mainland vocabulary</source>
        <translation>繁体（台湾）转简体，并换用大陆词汇</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/display_names.py" line="20"/>
        <source>Traditional (Hong Kong) to Simplified</source>
        <translation>繁体（香港）转简体</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/display_names.py" line="21"/>
        <source>Simplified to Traditional (OpenCC standard)</source>
        <translation>简体转繁体（OpenCC 标准）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/display_names.py" line="22"/>
        <source>Simplified to Traditional (Taiwan)</source>
        <translation>简体转繁体（台湾）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/display_names.py" line="23"/>
        <source>Simplified to Traditional (Taiwan), with Taiwan vocabulary</source>
        <translation>简体转繁体（台湾），并换用台湾词汇</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/display_names.py" line="24"/>
        <source>Simplified to Traditional (Hong Kong)</source>
        <translation>简体转繁体（香港）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/display_names.py" line="25"/>
        <source>Traditional (OpenCC standard) to Taiwan standard</source>
        <translation>繁体（OpenCC 标准）转台湾标准</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/display_names.py" line="26"/>
        <source>Traditional (OpenCC standard) to Hong Kong standard</source>
        <translation>繁体（OpenCC 标准）转香港标准</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/display_names.py" line="27"/>
        <source>Issuer</source>
        <translation>发出者</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/display_names.py" line="28"/>
        <source>Addressee</source>
        <translation>接受者</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/display_names.py" line="29"/>
        <source>Strength</source>
        <translation>强度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/display_names.py" line="30"/>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
</context>
<context>
    <name>DocumentAnalysis</name>
    <message>
        <location filename="../../desktop/ui/reading/document_analysis.py" line="108"/>
        <source>Finding entities…</source>
        <translation>正在识别实体…</translation>
    </message>
</context>
<context>
    <name>DocumentDetailsDialog</name>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_actions.py" line="108"/>
        <source>Document details</source>
        <translation>文档信息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_actions.py" line="112"/>
        <source>e.g. 2020-02-10</source>
        <translation>例如 2020-02-10</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_actions.py" line="114"/>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_actions.py" line="115"/>
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/corpus_actions.py" line="116"/>
        <source>Date:</source>
        <translation>日期：</translation>
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
        <location filename="../../desktop/ui/corpus/document_model.py" line="53"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/document_model.py" line="54"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/document_model.py" line="55"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/document_model.py" line="56"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/document_model.py" line="57"/>
        <source>Script</source>
        <translation>字体</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/document_model.py" line="58"/>
        <source>Length</source>
        <translation>字数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/document_model.py" line="59"/>
        <source>Tags</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/document_model.py" line="60"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/document_model.py" line="172"/>
        <source>(not from a file)</source>
        <translation>（非文件导入）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/document_model.py" line="173"/>
        <source>Status: {0}</source>
        <translation>状态：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/document_model.py" line="185"/>
        <source>Coders: {0}</source>
        <translation>编码者：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/document_model.py" line="188"/>
        <source>Adjudicated ({0})</source>
        <translation>已裁定（{0}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/corpus/document_model.py" line="190"/>
        <source>Adjudication under way ({0})</source>
        <translation>裁定进行中（{0}）</translation>
    </message>
</context>
<context>
    <name>EntityLegend</name>
    <message>
        <location filename="../../desktop/ui/reading/entity_panel.py" line="44"/>
        <source>Show or hide this kind of entity</source>
        <translation>显示或隐藏此类实体</translation>
    </message>
</context>
<context>
    <name>EntityPanel</name>
    <message>
        <location filename="../../desktop/ui/reading/entity_panel.py" line="69"/>
        <source>Entity</source>
        <translation>实体</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reading/entity_panel.py" line="69"/>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reading/entity_panel.py" line="126"/>
        <source>Not an entity (remove {0})</source>
        <translation>不是实体（删除 {0} 处）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reading/entity_panel.py" line="128"/>
        <source>Change type to</source>
        <translation>改为类型</translation>
    </message>
</context>
<context>
    <name>ExchangeController</name>
    <message>
        <location filename="../../desktop/ui/exchange/exporting.py" line="44"/>
        <source>Could not write {0}: {1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exporting.py" line="123"/>
        <source>Exporting</source>
        <translation>正在导出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exporting.py" line="124"/>
        <source>Exported {0} of {1} documents</source>
        <translation>已导出 {0}/{1} 篇文档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exporting.py" line="149"/>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exporting.py" line="149"/>
        <source>Reading {0}</source>
        <translation>正在读取 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exporting.py" line="156"/>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exporting.py" line="170"/>
        <source>Export cancelled</source>
        <translation>导出已取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exporting.py" line="170"/>
        <source>Nothing was written.</source>
        <translation>未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exporting.py" line="178"/>
        <source>{0} in {1} written to {2}</source>
        <translation>已将 {1}中的 {0}写入 {2}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/exchange/exporting.py" line="179"/>
        <source>%n tag(s)</source>
        <translation>
            <numerusform>%n 个标注</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/exchange/exporting.py" line="180"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n 篇文档</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exporting.py" line="184"/>
        <location filename="../../desktop/ui/exchange/exporting.py" line="190"/>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exporting.py" line="241"/>
        <source>Tags already present</source>
        <translation>已有的标注</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/exchange/exporting.py" line="243"/>
        <source>%n tag(s) already in the project have another note or other attributes in the imported set. Give them the set&apos;s note and attributes?</source>
        <translation>
            <numerusform>项目中已有 %n 个标注在导入的标注集中有不同的批注或属性。要改用标注集中的批注和属性吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} tags in {1} documents written to {2}</source>
        <translation type="vanished">已将 {1} 篇文档中的 {0} 条标注写入 {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exporting.py" line="186"/>
        <source>Before you use the file:</source>
        <translation>使用该文件之前请注意：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/exporting.py" line="205"/>
        <location filename="../../desktop/ui/exchange/exporting.py" line="226"/>
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
        <location filename="../../desktop/ui/shell/app.py" line="216"/>
        <source>Jiyao is already running: brought its window to the front.</source>
        <translation>纪要已在运行：已将其窗口置于最前。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/shell/app.py" line="217"/>
        <source>Jiyao is already running: handed %n path(s) to it.</source>
        <translation>
            <numerusform>纪要已在运行：已将 %n 个路径交给它。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <location filename="../../desktop/ui/exchange/importing.py" line="167"/>
        <source>Looking for files…</source>
        <translation>正在查找文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/importing.py" line="166"/>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/importing.py" line="65"/>
        <source>The document size limit {0}={1} is not a number of megabytes: correct or unset it, then import again.</source>
        <translation>文档大小上限 {0}={1} 不是以兆字节计的数字：请改正或删除该设置，然后重新导入。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/importing.py" line="93"/>
        <source>Cancelled: {0} imported, {1} duplicates skipped, {2} refused</source>
        <translation>已取消：导入 {0} 个，跳过重复 {1} 个，拒绝 {2} 个</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/importing.py" line="97"/>
        <source>{0} imported, {1} duplicates skipped, {2} refused</source>
        <translation>导入 {0} 个，跳过重复 {1} 个，拒绝 {2} 个</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/importing.py" line="168"/>
        <source>Importing {0} ({1} of {2})</source>
        <translation>正在导入 {0}（第 {1} 个，共 {2} 个）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/importing.py" line="81"/>
        <location filename="../../desktop/ui/exchange/importing.py" line="202"/>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/importing.py" line="203"/>
        <source>The import stopped: {0}</source>
        <translation>导入中止：{0}</translation>
    </message>
</context>
<context>
    <name>ImportExportActions</name>
    <message>
        <location filename="../../desktop/ui/exchange/import_export.py" line="58"/>
        <source>Import text files</source>
        <translation>导入文本文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/import_export.py" line="60"/>
        <source>Text files (*.txt *.text *.md);;All files (*)</source>
        <translation>文本文件 (*.txt *.text *.md);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/import_export.py" line="65"/>
        <source>Import a folder</source>
        <translation>导入文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/import_export.py" line="72"/>
        <source>Import an annotated set</source>
        <translation>导入标注集</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/import_export.py" line="75"/>
        <source>Annotated sets (*.jsonl *.ndjson *.json *.qdpx);;JSON Lines, ours or doccano&apos;s (*.jsonl *.ndjson);;Label Studio (*.json);;REFI-QDA (*.qdpx)</source>
        <translation>标注集 (*.jsonl *.ndjson *.json *.qdpx);;JSON Lines（纪要或 doccano）(*.jsonl *.ndjson);;Label Studio (*.json);;REFI-QDA (*.qdpx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/import_export.py" line="83"/>
        <source>Import a brat folder</source>
        <translation>导入 brat 文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/import_export.py" line="95"/>
        <source>One project at a time: opened {0}</source>
        <translation>一次只能打开一个项目：已打开 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/import_export.py" line="111"/>
        <source>An import is running: {0} more will be imported after it</source>
        <translation>正在导入：另有 {0} 项将在其后导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/import_export.py" line="142"/>
        <source>{0} (cancelled; {1} waiting were not imported)</source>
        <translation>{0}（已取消；等待中的 {1} 项未导入）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/import_export.py" line="155"/>
        <source>The import failed; {0} waiting were not imported</source>
        <translation>导入失败；等待中的 {0} 项未导入</translation>
    </message>
    <message>
        <source>An import is already running</source>
        <translation type="vanished">已有导入正在进行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/import_export.py" line="123"/>
        <source>An export or import is already running</source>
        <translation>已有导出或导入正在进行</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <location filename="../../desktop/ui/exchange/importing.py" line="109"/>
        <source>Import report</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/importing.py" line="112"/>
        <source>These files were not imported:</source>
        <translation>以下文件未导入：</translation>
    </message>
</context>
<context>
    <name>LabelEditor</name>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="102"/>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="105"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="105"/>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="128"/>
        <source>Key</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="105"/>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="129"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="124"/>
        <source>Colour…</source>
        <translation>颜色…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="127"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="130"/>
        <source>Under</source>
        <translation>上级</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="134"/>
        <source>Add label</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="135"/>
        <source>Add sub-label</source>
        <translation>添加子标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="136"/>
        <source>Merge into…</source>
        <translation>合并到…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="137"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="144"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="145"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="146"/>
        <source>Import scheme…</source>
        <translation>导入方案…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="147"/>
        <source>Export scheme…</source>
        <translation>导出方案…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="182"/>
        <source>(top level)</source>
        <translation>（顶层）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="223"/>
        <source>Not changed: {0}.</source>
        <translation>未更改：{0}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="234"/>
        <source>New label</source>
        <translation>新标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="234"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="254"/>
        <source>A label name cannot contain &quot;/&quot;: exports use it between a label and its sub-labels. Use a sub-label instead.</source>
        <translation>标签名称不能包含“/”：导出时用它分隔标签与其子标签。请改用子标签。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="271"/>
        <source>Delete &quot;{0}&quot;, its sub-labels and the {1} tags that use them? Edit &gt; Undo brings them back.</source>
        <translation>删除“{0}”及其子标签和使用它们的 {1} 条标注？可用“编辑 &gt; 撤销”恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="280"/>
        <source>Delete label</source>
        <translation>删除标签</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/tagging/label_editor.py" line="385"/>
        <source>%n label(s) added.</source>
        <translation>
            <numerusform>已添加 %n 个标签。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="276"/>
        <source>Delete &quot;{0}&quot;, its sub-labels and the {1} tags that use them? This cannot be undone.</source>
        <translation>删除“{0}”、其子标签及使用它们的 {1} 个标注？此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="66"/>
        <source>delete label &quot;{0}&quot;</source>
        <translation>删除标签“{0}”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="329"/>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="344"/>
        <source>Merge label</source>
        <translation>合并标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="329"/>
        <source>Merge into:</source>
        <translation>合并到：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="339"/>
        <source>Merge &quot;{0}&quot; into &quot;{1}&quot;? Its {2} tags and its sub-labels move to &quot;{1}&quot; and &quot;{0}&quot; is removed. This clears the undo history.</source>
        <translation>将“{0}”合并到“{1}”？它的 {2} 个标注和子标签将移到“{1}”下，“{0}”将被删除。此操作会清空撤销记录。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="371"/>
        <source>Import a label scheme</source>
        <translation>导入标签方案</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="371"/>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="392"/>
        <source>Label schemes (*.json)</source>
        <translation>标签方案 (*.json)</translation>
    </message>
    <message>
        <source>{0} labels added.</source>
        <translation type="vanished">已添加 {0} 个标签。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/label_editor.py" line="390"/>
        <source>Export the label scheme</source>
        <translation>导出标签方案</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/shell/main_window.py" line="82"/>
        <location filename="../../desktop/ui/shell/main_window.py" line="482"/>
        <source>Tags</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/main_window.py" line="83"/>
        <location filename="../../desktop/ui/shell/main_window.py" line="483"/>
        <source>Entities</source>
        <translation>实体</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/main_window.py" line="87"/>
        <source>This project has no documents yet.

Import files with Ctrl+O (File &gt; Import files…), or drop files and folders on this window.</source>
        <translation>这个项目还没有文档。

按 Ctrl+O（文件 &gt; 导入文件…）导入，或把文件和文件夹拖到本窗口。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/main_window.py" line="303"/>
        <source>Document marked {0}</source>
        <translation>文档已标记为{0}</translation>
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
        <location filename="../../desktop/ui/shell/main_window.py" line="456"/>
        <source>An import is running. Stop it and close? The documents imported so far are kept; the rest are not imported.</source>
        <translation>正在导入。停止导入并关闭吗？已导入的文档会保留，其余的不再导入。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/main_window.py" line="468"/>
        <source>Stopping the import, then closing…</source>
        <translation>正在停止导入，随后关闭…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/main_window.py" line="488"/>
        <source>About Jiyao</source>
        <translation>关于纪要</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/main_window.py" line="490"/>
        <source>&lt;h3&gt;Jiyao 纪要 {0}&lt;/h3&gt;&lt;p&gt;A reader and annotator for Chinese policy and meeting documents, in both scripts.&lt;/p&gt;&lt;p&gt;Project: {1}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;纪要 Jiyao {0}&lt;/h3&gt;&lt;p&gt;中文政策与会议文件的阅读与标注工具，简繁皆宜。&lt;/p&gt;&lt;p&gt;项目：{1}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/app.py" line="38"/>
        <source>No installed font covers Chinese, so Chinese text will show as boxes. Install one, e.g. on Debian/Ubuntu: sudo apt install fonts-noto-cjk (or fonts-wqy-microhei).</source>
        <translation>系统中没有支持中文的字体，中文将显示为方框。请安装一种，例如在 Debian/Ubuntu 上：sudo apt install fonts-noto-cjk（或 fonts-wqy-microhei）。</translation>
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
    <name>ProjectSwitcher</name>
    <message>
        <location filename="../../desktop/ui/shell/projects.py" line="48"/>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/projects.py" line="50"/>
        <source>Jiyao projects (*.jiyao)</source>
        <translation>纪要项目 (*.jiyao)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/projects.py" line="67"/>
        <source>{0} already exists. Choose another name, or open it with Open project.</source>
        <translation>{0} 已存在。请换一个名称，或用“打开项目”打开它。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/projects.py" line="76"/>
        <source>Open a project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/projects.py" line="78"/>
        <source>Jiyao projects (*.jiyao);;All files (*)</source>
        <translation>纪要项目 (*.jiyao);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/projects.py" line="92"/>
        <source>Wait for the running import or export to finish, then open {0}</source>
        <translation>请等正在进行的导入或导出完成后再打开 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/projects.py" line="130"/>
        <source>The files you chose open once this dialog is closed or the running job is done</source>
        <translation>关闭此对话框或当前任务完成后，将打开您选择的文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/projects.py" line="137"/>
        <source>{0} (missing)</source>
        <translation>{0}（文件不存在）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/projects.py" line="141"/>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/projects.py" line="152"/>
        <source>The project {0} is missing: it was moved or deleted, or its drive is not connected. Remove it from the recent projects?</source>
        <translation>项目 {0} 不存在：它已被移动或删除，或其所在的磁盘未连接。要从最近的项目中移除吗？</translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <location filename="../../desktop/ui/reading/reader.py" line="100"/>
        <source>Raw text</source>
        <translation>原始文本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reading/reader.py" line="102"/>
        <source>Show the text as imported, with removed artefacts struck out</source>
        <translation>显示导入时的文本，已清除的杂质以删除线标出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reading/reader.py" line="107"/>
        <source>Automatic (the other script)</source>
        <translation>自动（转为另一种字体）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reading/reader.py" line="117"/>
        <source>Mark changes</source>
        <translation>标出改动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reading/reader.py" line="118"/>
        <source>Underline what the conversion changed</source>
        <translation>为转换改动的字加下划线</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reading/reader.py" line="332"/>
        <source>Converting…</source>
        <translation>正在转换…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reading/reader.py" line="353"/>
        <source>Converted with {0}</source>
        <translation>已用 {0} 转换</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reading/reader.py" line="466"/>
        <source>Removed when cleaning</source>
        <translation>清理时删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reading/reader.py" line="473"/>
        <source>Changed by the conversion</source>
        <translation>经转换改动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reading/reader.py" line="493"/>
        <source>Script: {0} · conversion: {1} · {2}</source>
        <translation>字体：{0} · 转换：{1} · {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reading/reader.py" line="507"/>
        <source>Find in document (either script)</source>
        <translation>在文中查找（简繁皆可）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reading/reader.py" line="509"/>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reading/reader.py" line="511"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reading/reader.py" line="516"/>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reading/reader.py" line="543"/>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../../desktop/ui/team/review_dialog.py" line="55"/>
        <source>Review disagreements</source>
        <translation>审阅分歧</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/review_dialog.py" line="57"/>
        <source>The annotator name of the adjudicated layer</source>
        <translation>裁定层的标注人名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/review_dialog.py" line="68"/>
        <source>Take %1&apos;s (Alt+%2)</source>
        <translation>采用 %1 的 (Alt+%2)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/review_dialog.py" line="75"/>
        <source>No tag here (Alt+0)</source>
        <translation>此处不标注 (Alt+0)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/review_dialog.py" line="79"/>
        <source>Next (F8)</source>
        <translation>下一处 (F8)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/review_dialog.py" line="85"/>
        <source>Adjudicated layer:</source>
        <translation>裁定层：</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/team/review_dialog.py" line="133"/>
        <source>%n disagreement(s) to decide</source>
        <translation>
            <numerusform>待裁定分歧 %n 处</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/team/review_dialog.py" line="135"/>
        <source>%n place(s) agreed</source>
        <translation>
            <numerusform>一致 %n 处</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/review_dialog.py" line="143"/>
        <source>Every disagreement is decided.</source>
        <translation>所有分歧均已裁定。</translation>
    </message>
    <message>
        <source>no tag</source>
        <translation type="vanished">未标注</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../desktop/ui/shell/app.py" line="96"/>
        <source>The last project, {0}, no longer exists: opened the default project instead.</source>
        <translation>上次的项目 {0} 已不存在，已改为打开默认项目。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/app.py" line="133"/>
        <source>The last project would not open ({0}): opened the default project instead.</source>
        <translation>上次的项目无法打开（{0}），已改为打开默认项目。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/projects.py" line="182"/>
        <source>{0}

Open its newest backup, made {1}, instead? The damaged file is kept with the backups in {2}.</source>
        <translation>{0}

改为打开它最新的备份(制作于 {1})吗?损坏的文件会与备份一起保存在 {2}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/app.py" line="235"/>
        <source>Jiyao is already running but does not answer. Close it, then try again.</source>
        <translation>纪要已在运行，但没有响应。请先关闭它，再试一次。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/crash_log.py" line="51"/>
        <source>Something went wrong: {0}

The details are in the log file. Your tags are saved as you make them.</source>
        <translation>出错了：{0}

详情见日志文件。您的标注在添加时已经保存。</translation>
    </message>
</context>
<context>
    <name>TagActions</name>
    <message>
        <location filename="../../desktop/ui/tagging/tag_actions.py" line="99"/>
        <source>Select some text to tag first</source>
        <translation>请先选择要标注的文字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/tag_actions.py" line="102"/>
        <source>The selection holds no text of the document</source>
        <translation>所选内容不含文档正文</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/tag_actions.py" line="127"/>
        <source>Not tagged: tags record who made them, and no name was given</source>
        <translation>未标注：标注要记录标注人，但没有输入姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/tag_actions.py" line="136"/>
        <source>Tag with label</source>
        <translation>用标签标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/tag_actions.py" line="136"/>
        <source>Label:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/tag_actions.py" line="145"/>
        <source>No label matches {0}</source>
        <translation>没有与 {0} 匹配的标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/tag_actions.py" line="190"/>
        <source>Tag with</source>
        <translation>标注为</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/tag_actions.py" line="198"/>
        <source>Mark as entity…</source>
        <translation>标为实体…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/tag_actions.py" line="207"/>
        <source>Select the missing entity first</source>
        <translation>请先选择漏掉的实体</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/tag_actions.py" line="212"/>
        <source>Entity type</source>
        <translation>实体类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/tag_actions.py" line="212"/>
        <source>Type:</source>
        <translation>类型：</translation>
    </message>
</context>
<context>
    <name>TagBrowser</name>
    <message>
        <location filename="../../desktop/ui/tagging/tag_browser.py" line="98"/>
        <source>Tags in the corpus</source>
        <translation>语料中的标注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/tag_browser.py" line="103"/>
        <source>This document only</source>
        <translation>仅本文档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/tag_browser.py" line="114"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/tag_browser.py" line="115"/>
        <source>Annotator</source>
        <translation>标注人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/tag_browser.py" line="116"/>
        <source>Issuer</source>
        <translation>发出者</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/tag_browser.py" line="133"/>
        <source>(all)</source>
        <translation>（全部）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/tag_browser.py" line="143"/>
        <source>(nobody)</source>
        <translation>（无人）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/tagging/tag_browser.py" line="156"/>
        <source>%n tag(s)</source>
        <translation>
            <numerusform>%n 个标签</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} tags</source>
        <translation type="vanished">{0} 个标注</translation>
    </message>
</context>
<context>
    <name>TagTableModel</name>
    <message>
        <location filename="../../desktop/ui/tagging/tag_browser.py" line="38"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/tag_browser.py" line="39"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/tag_browser.py" line="40"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/tag_browser.py" line="41"/>
        <source>Issuer</source>
        <translation>发出者</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/tag_browser.py" line="42"/>
        <source>Strength</source>
        <translation>强度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/tag_browser.py" line="43"/>
        <source>Annotator</source>
        <translation>标注人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/tag_browser.py" line="44"/>
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
        <location filename="../../desktop/ui/tagging/commands.py" line="117"/>
        <source>change tag {0}–{1}</source>
        <translation>修改标签 {0}–{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/commands.py" line="161"/>
        <source>correct entities</source>
        <translation>更正实体</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tagging/commands.py" line="199"/>
        <source>reject suggestion {0}–{1}</source>
        <translation>拒绝建议 {0}–{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/undo_stack.py" line="32"/>
        <source>{0} in {1}</source>
        <translation>{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/undo_stack.py" line="52"/>
        <source>Undone: {0}</source>
        <translation>已撤销：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common/undo_stack.py" line="54"/>
        <source>Redone: {0}</source>
        <translation>已重做：{0}</translation>
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
    <name>TeamActions</name>
    <message>
        <location filename="../../desktop/ui/team/team_actions.py" line="59"/>
        <source>Cancelled: no coder project was written.</source>
        <translation>已取消：未写出任何编码者项目。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/team_actions.py" line="73"/>
        <location filename="../../desktop/ui/team/team_actions.py" line="89"/>
        <source>Prepare coder projects</source>
        <translation>准备编码者项目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/team_actions.py" line="74"/>
        <source>Writing the coder projects…</source>
        <translation>正在写出编码者项目…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/team_actions.py" line="76"/>
        <source>%1 (%2 of %3)</source>
        <translation>%1（第 %2 个，共 %3 个）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/team/team_actions.py" line="98"/>
        <source>%n coder project(s) written: send each coder their file.</source>
        <translation>
            <numerusform>已写出 %n 个编码者项目：请把各自的文件发给每位编码者。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/team_actions.py" line="100"/>
        <source>%1: %2 documents (%3 shared) in %4</source>
        <translation>%1：%2 篇文档（共同 %3 篇），位于 %4</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/team_actions.py" line="114"/>
        <source>Merge coder projects</source>
        <translation>合并编码者项目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/team_actions.py" line="116"/>
        <source>Jiyao projects (*.jiyao)</source>
        <translation>纪要项目 (*.jiyao)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/team_actions.py" line="130"/>
        <source>Cancelled: nothing was merged.</source>
        <translation>已取消：未合并任何内容。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/team_actions.py" line="139"/>
        <location filename="../../desktop/ui/team/team_actions.py" line="160"/>
        <location filename="../../desktop/ui/team/team_actions.py" line="165"/>
        <source>Merge projects</source>
        <translation>合并项目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/team_actions.py" line="145"/>
        <source>Reading the coder projects…</source>
        <translation>正在读取编码者项目…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/team_actions.py" line="147"/>
        <source>%1 (%2 of %3 steps)</source>
        <translation>%1（第 %2 步，共 %3 步）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/team_actions.py" line="170"/>
        <source>Nothing was merged: fix or leave out these files, then merge again.</source>
        <translation>未合并任何内容：请修正或去掉这些文件，然后重新合并。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team/team_actions.py" line="182"/>
        <source>%1 (%2): %3 tags added, %4 already here; %5 documents added</source>
        <translation>%1（%2）：新增标注 %3 条，已有 %4 条；新增文档 %5 篇</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/team/team_actions.py" line="190"/>
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
        <location filename="../../desktop/ui/shell/menus.py" line="86"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="87"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="88"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="89"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="90"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="91"/>
        <source>&amp;About Jiyao</source>
        <translation>关于纪要(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="112"/>
        <source>&amp;Import files…</source>
        <translation>导入文件(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="113"/>
        <source>Import &amp;folder…</source>
        <translation>导入文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="114"/>
        <source>Import &amp;annotated set…</source>
        <translation>导入标注集(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="115"/>
        <source>Import annotated &amp;brat folder…</source>
        <translation>导入 brat 标注文件夹(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="116"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="119"/>
        <source>&amp;Prepare coder projects…</source>
        <translation>准备编码者项目(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="120"/>
        <source>&amp;Merge projects…</source>
        <translation>合并项目(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="121"/>
        <source>Inter-coder a&amp;greement…</source>
        <translation>编码者间一致性(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="122"/>
        <source>Re&amp;view disagreements…</source>
        <translation>审阅分歧(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="124"/>
        <source>&amp;New project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="125"/>
        <source>&amp;Open project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="126"/>
        <source>&amp;Recent projects</source>
        <translation>最近的项目(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="129"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="133"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="135"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="142"/>
        <source>&amp;Tag selection with label…</source>
        <translation>用标签标注所选(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="144"/>
        <source>Extend tag end</source>
        <translation>延长标注结尾</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="145"/>
        <source>Shrink tag end</source>
        <translation>缩短标注结尾</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="146"/>
        <source>Extend tag start</source>
        <translation>提前标注开头</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="147"/>
        <source>Shrink tag start</source>
        <translation>推后标注开头</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="152"/>
        <source>Mark selection as &amp;entity…</source>
        <translation>将所选标为实体(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="153"/>
        <source>Mark document &amp;done</source>
        <translation>标记文档已完成(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="154"/>
        <source>Annotator &amp;name…</source>
        <translation>标注人姓名(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="155"/>
        <source>&amp;Labels…</source>
        <translation>标签(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="156"/>
        <source>Tags in the &amp;corpus…</source>
        <translation>语料中的标注(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="160"/>
        <source>&amp;Previous document</source>
        <translation>上一篇(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="161"/>
        <source>&amp;Next document</source>
        <translation>下一篇(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="164"/>
        <source>&amp;Find in document…</source>
        <translation>在文中查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="166"/>
        <source>Find &amp;next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="168"/>
        <source>Filter &amp;documents</source>
        <translation>筛选文档(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="172"/>
        <source>&amp;Raw text with removed artefacts</source>
        <translation>显示原始文本及已清除的杂质(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="178"/>
        <source>&amp;Mark characters the conversion changed</source>
        <translation>标出转换改动的字(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/shell/menus.py" line="182"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>The interface will use {0} the next time Jiyao starts.</source>
        <translation type="vanished">下次启动纪要时界面将使用{0}。</translation>
    </message>
</context>
</TS>
