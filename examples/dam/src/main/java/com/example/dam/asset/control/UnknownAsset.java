package com.example.dam.asset.control;

/** No asset has this uuid. */
public class UnknownAsset extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownAsset(String uuid) {
        super("No asset " + uuid);
    }
}
