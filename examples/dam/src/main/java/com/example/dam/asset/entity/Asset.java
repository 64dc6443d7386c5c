package com.example.dam.asset.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The DAM's own asset, in the DAM's own table. Tags, labels and custom metadata are kept as JSON text. */
@Entity
@Table(name = "dam_asset")
public class Asset {

    @Id
    private String uuid;
    private String name;
    /** Folder and name, e.g. {@code /summer/beach.jpg}; unique. */
    private String path;
    private Long size;
    @Column(name = "mime_type")
    private String mimeType;
    private Integer width;
    private Integer height;
    private String tags = "[]";
    private String labels = "[]";
    @Column(name = "custom_meta")
    private String customMeta = "{}";
    @Version
    private long version;

    protected Asset() { }

    public Asset(String name, String folder, Long size, String mimeType, Integer width, Integer height) {
        this.uuid = UUID.randomUUID().toString();
        this.name = name;
        this.path = join(folder, name);
        this.size = size;
        this.mimeType = mimeType;
        this.width = width;
        this.height = height;
    }

    public void moveTo(String folder) { path = join(folder, name); }

    public void rename(String newName) {
        path = path.substring(0, path.length() - name.length()) + newName;
        name = newName;
    }

    public String uuid() { return uuid; }
    public String name() { return name; }
    public String path() { return path; }
    public Long size() { return size; }
    public String mimeType() { return mimeType; }
    public Integer width() { return width; }
    public Integer height() { return height; }
    public List<String> tags() { return JsonText.list(tags); }
    public void tags(List<String> newTags) { tags = JsonText.of(newTags); }
    public List<String> labels() { return JsonText.list(labels); }
    public void labels(List<String> newLabels) { labels = JsonText.of(newLabels); }
    public Map<String, String> customMeta() { return JsonText.map(customMeta); }
    public void customMeta(Map<String, String> meta) { customMeta = JsonText.of(meta); }

    private static String join(String folder, String name) {
        return (folder.endsWith("/") ? folder : folder + "/") + name;
    }
}
