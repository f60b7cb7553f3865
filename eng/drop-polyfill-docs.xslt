<?xml version="1.0" encoding="utf-8"?>
<!--
  The .NET Framework build compiles Polyfill's sources into the assembly (internal), and the compiler writes their
  doc comments into the XML doc file too: two thirds of it. This copy drops them: members of the Polyfills namespace
  and of System.* (the SDK declares nothing there; Polyfill's BCL stand-ins do). Used by Databrain.Client.csproj.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="xml" indent="yes" encoding="utf-8" />
  <xsl:template match="@* | node()">
    <xsl:copy><xsl:apply-templates select="@* | node()" /></xsl:copy>
  </xsl:template>
  <xsl:template match="member[starts-with(substring-after(@name, ':'), 'Polyfills.') or starts-with(substring-after(@name, ':'), 'System.')]" />
</xsl:stylesheet>
