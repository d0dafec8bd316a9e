<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Words Qt's own qtbase_uk.qm lacks (Qt 6.11 added mnemonics to the file dialog's labels, so their old
     translations no longer match) or leaves in English. Loaded after qtbase_uk.qm, so these win. -->
<TS version="2.1" language="uk_UA">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Шукати в:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>&amp;Тип файлів:</translation>
    </message>
    <message>
        <source>Show </source>
        <translation>Показати </translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>Гаразд</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>OK</source>
        <translation>Гаразд</translation>
    </message>
</context>
</TS>
