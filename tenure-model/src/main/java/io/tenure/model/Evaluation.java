package io.tenure.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import io.tenure.core.risk.Metrics;
import io.tenure.report.Html;
import io.tenure.report.JsonEmbed;
import io.tenure.report.bulletin.Assets;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A model measured on a labelled table: AUC, PR AUC, accuracy at 0.5, top-decile lift; the report folder holds
 * metrics.json, calibration.csv, thresholds.csv and report.html (ROC curve and calibration plot).
 */
public final class Evaluation {
    private final Metrics metrics;
    private final ChurnModel model;

    private Evaluation(ChurnModel model, Metrics metrics) {
        this.model = model;
        this.metrics = metrics;
    }

    public static Evaluation of(ChurnModel model, Table table) {
        float[] x = model.schema().encode(table);
        boolean[] y = model.schema().labels(table);
        return new Evaluation(model, new Metrics(model.probabilities(x, table.rows()), y));
    }

    public Metrics metrics() {
        return metrics;
    }

    public Map<String, Double> summary() {
        return summary(metrics);
    }

    /** The figures reported of a scored set: AUC, PR AUC, accuracy at 0.5, top-decile lift. */
    static Map<String, Double> summary(Metrics metrics) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("auc", metrics.auc());
        m.put("pr_auc", metrics.prAuc());
        m.put("accuracy", metrics.accuracy(0.5));
        m.put("top_decile_lift", metrics.topDecileLift());
        return m;
    }

    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "rows %d, positives %d%nAUC %.4f%nPR-AUC %.4f%naccuracy %.4f (threshold 0.5)%ntop-decile lift %.2f%n",
                metrics.size(), metrics.positives(), metrics.auc(), metrics.prAuc(), metrics.accuracy(0.5), metrics.topDecileLift());
    }

    public void write(Path dir) {
        try {
            Files.createDirectories(dir);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("rows", metrics.size());
            json.put("positives", metrics.positives());
            json.putAll(summary());
            json.put("model_fingerprint", model.meta().fingerprint());
            json.put("model_rounds", model.meta().rounds());
            ChurnModel.mapper().writeValue(dir.resolve("metrics.json").toFile(), json);
            StringBuilder cal = new StringBuilder("from,to,count,mean_probability,observed_rate\n");
            for (Metrics.Bin b : metrics.calibration()) {
                cal.append(String.format(Locale.ROOT, "%.1f,%.1f,%d,%s,%s%n", b.from(), b.to(), b.count(), num(b.meanScore()),
                        num(b.observedRate())));
            }
            Files.writeString(dir.resolve("calibration.csv"), cal, StandardCharsets.UTF_8);
            StringBuilder th = new StringBuilder("threshold,called,precision,recall,accuracy\n");
            for (Metrics.Threshold t : metrics.thresholds()) {
                th.append(String.format(Locale.ROOT, "%.2f,%d,%s,%s,%s%n", t.threshold(), t.called(), num(t.precision()),
                        num(t.recall()), num(t.accuracy())));
            }
            Files.writeString(dir.resolve("thresholds.csv"), th, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("report.html"), html(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TenureException(ErrorCode.IO_FAILURE, "cannot write the evaluation into " + dir + ": " + e.getMessage(), e);
        }
    }

    private String html() {
        Html h = new Html();
        h.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Model evaluation</title>\n<style>")
                .raw("body{font-family:sans-serif;margin:24px;color:#1d2733}table{border-collapse:collapse;margin:12px 0}")
                .raw("td,th{padding:4px 10px;border-bottom:1px solid #ddd;text-align:right}.chart{width:520px;height:380px;")
                .raw("display:inline-block}</style>\n</head>\n<body>\n").el("h1", null, "Port-out model evaluation");
        h.raw("<table><tbody>");
        for (var e : summary().entrySet()) {
            h.raw("<tr>").el("th", null, e.getKey()).el("td", null, num(e.getValue())).raw("</tr>");
        }
        h.raw("<tr>").el("th", null, "rows / positives").el("td", null, metrics.size() + " / " + metrics.positives()).raw("</tr>");
        h.raw("</tbody></table>\n<div id=\"roc\" class=\"chart\"></div><div id=\"cal\" class=\"chart\"></div>\n");
        h.el("h2", null, "Thresholds").raw("<table><thead><tr>");
        for (String c : List.of("threshold", "called", "precision", "recall", "accuracy")) {
            h.el("th", null, c);
        }
        h.raw("</tr></thead><tbody>");
        for (Metrics.Threshold t : metrics.thresholds()) {
            h.raw("<tr>").el("td", null, num(t.threshold())).el("td", null, String.valueOf(t.called()))
                    .el("td", null, num(t.precision())).el("td", null, num(t.recall())).el("td", null, num(t.accuracy()))
                    .raw("</tr>");
        }
        h.raw("</tbody></table>\n");
        List<double[]> roc = metrics.roc();
        List<List<Double>> rocPoints = new ArrayList<>();
        int step = Math.max(1, roc.size() / 400);
        for (int i = 0; i < roc.size(); i += step) {
            rocPoints.add(List.of(roc.get(i)[0], roc.get(i)[1]));
        }
        rocPoints.add(List.of(1.0, 1.0));
        List<List<Double>> calPoints = new ArrayList<>();
        for (Metrics.Bin b : metrics.calibration()) {
            if (b.count() > 0) {
                calPoints.add(List.of(b.meanScore(), b.observedRate()));
            }
        }
        Map<String, Object> data = Map.of("roc", rocPoints, "calibration", calPoints);
        h.raw("<script type=\"application/json\" id=\"data\">").raw(JsonEmbed.write(data)).raw("</script>\n<script>")
                .raw(Assets.echarts()).raw("</script>\n<script>\n")
                .raw("var d=JSON.parse(document.getElementById('data').textContent);\n")
                .raw("function plot(id,title,pts,x,y){echarts.init(document.getElementById(id)).setOption({title:{text:title},")
                .raw("xAxis:{type:'value',min:0,max:1,name:x},yAxis:{type:'value',min:0,max:1,name:y},series:[{type:'line',")
                .raw("data:pts,showSymbol:false},{type:'line',data:[[0,0],[1,1]],lineStyle:{type:'dashed'},showSymbol:false}]});}\n")
                .raw("plot('roc','ROC curve',d.roc,'false positive rate','true positive rate');\n")
                .raw("plot('cal','Calibration',d.calibration,'predicted probability','observed rate');\n</script>\n</body>\n</html>\n");
        return h.toString();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
    }
}
