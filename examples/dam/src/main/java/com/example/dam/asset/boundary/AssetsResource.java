package com.example.dam.asset.boundary;

import com.example.dam.DamApplication;
import com.example.dam.asset.control.Assets;
import com.example.dam.asset.control.UnknownAsset;
import com.example.dam.asset.entity.Asset;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** The DAM's assets: upload, move, rename, delete, and change metadata, tags and labels. */
@Path("assets")
@RequestScoped
@RolesAllowed(DamApplication.EDITOR)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AssetsResource {

    /** An upload: the file's details (the sample keeps no bytes). */
    public record Upload(String name, String folder, Long size, String mimeType, Integer width, Integer height) { }

    public record Folder(String folder) { }

    public record Name(String name) { }

    @Inject
    Assets assets;

    @POST
    public Response upload(Upload upload) {
        Asset asset = assets.upload(upload.name(), upload.folder(), upload.size(), upload.mimeType(), upload.width(), upload.height());
        return Response.created(URI.create("assets/" + asset.uuid())).entity(AssetJson.of(asset)).build();
    }

    @GET
    @Path("{uuid}")
    public AssetJson get(@PathParam("uuid") String uuid) {
        return assets.get(uuid).map(AssetJson::of).orElseThrow(() -> new UnknownAsset(uuid));
    }

    @PUT
    @Path("{uuid}/folder")
    public AssetJson move(@PathParam("uuid") String uuid, Folder folder) {
        return AssetJson.of(assets.move(uuid, folder.folder()));
    }

    @PUT
    @Path("{uuid}/name")
    public AssetJson rename(@PathParam("uuid") String uuid, Name name) {
        return AssetJson.of(assets.rename(uuid, name.name()));
    }

    @DELETE
    @Path("{uuid}")
    public void delete(@PathParam("uuid") String uuid) {
        assets.delete(uuid);
    }

    /** Custom metadata fields to set; a null value removes the field. */
    @PUT
    @Path("{uuid}/metadata")
    public AssetJson changeMetadata(@PathParam("uuid") String uuid, Map<String, String> fields) {
        return AssetJson.of(assets.changeMetadata(uuid, fields));
    }

    @PUT
    @Path("{uuid}/tags")
    public AssetJson changeTags(@PathParam("uuid") String uuid, List<String> tags) {
        return AssetJson.of(assets.changeTags(uuid, tags));
    }

    @PUT
    @Path("{uuid}/labels")
    public AssetJson changeLabels(@PathParam("uuid") String uuid, List<String> labels) {
        return AssetJson.of(assets.changeLabels(uuid, labels));
    }
}
