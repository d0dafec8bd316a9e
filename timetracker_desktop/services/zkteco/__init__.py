"""ZKTeco devices (ADMS push protocol at /iclock): the device side and the manager side."""
